import type { Link, LinkTarget } from '../domain/links/link.js';

/** Storage port: which conversations a programme, network or unit is linked to. */
export interface LinkRepository {
  /** Links; linking twice is one link. */
  add(link: Link): Promise<void>;
  remove(target: LinkTarget, conversationId: string): Promise<void>;
  byTarget(target: LinkTarget): Promise<Link[]>;
  all(): Promise<Link[]>;
}
