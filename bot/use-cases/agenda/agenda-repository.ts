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

/** Storage port for agenda items and publications, per meeting. */
export interface AgendaRepository {
  items(planKey: string, eventId: string): Promise<AgendaItem[]>;
  saveItem(item: AgendaItem): Promise<void>;
  publication(planKey: string, eventId: string): Promise<AgendaPublication | undefined>;
  savePublication(publication: AgendaPublication): Promise<void>;
}
