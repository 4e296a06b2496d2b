import type { AgendaItem } from '../../domain/agenda/agenda-item.js';

/** A published (or scheduled) agenda: the outbox message that carries it. */
export interface AgendaPublication {
  readonly planKey: string;
  readonly eventId: string;
  readonly messageId: string;
  readonly publishedAt: string;
  readonly sendAt: string;
  readonly publishedBy: string;
  /** Changes since publishing; above 0 the card says "Oppdatert". */
  readonly revision: number;
}

/** One item change: `before` as `items` returned it, `after` what to store instead. */
export interface ItemChange {
  readonly before: AgendaItem;
  readonly after: AgendaItem;
}

/**
 * Storage port for agenda items and publications, per meeting. Every write is conditional: a
 * lost race is a ConflictError and nothing is stored.
 */
export interface AgendaRepository {
  items(planKey: string, eventId: string): Promise<AgendaItem[]>;
  /** Stores a new item. */
  addItem(item: AgendaItem): Promise<void>;
  /**
   * Replaces items of one meeting, all or none, each only if it is still as `before` left it
   * (so `before` should come from `items`).
   */
  updateItems(changes: readonly ItemChange[]): Promise<void>;
  publication(planKey: string, eventId: string): Promise<AgendaPublication | undefined>;
  /**
   * Creates the publication, or with `before` (from `publication`) replaces it only if it is
   * still as `before` left it.
   */
  savePublication(publication: AgendaPublication, before?: AgendaPublication): Promise<void>;
}
