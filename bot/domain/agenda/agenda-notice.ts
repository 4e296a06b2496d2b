/** What the submitter of an agenda item is told when the coordinator handles it. */
export interface AgendaNotice {
  readonly what: 'accepted' | 'declined' | 'edited' | 'withdrawn';
  /** The item's title. */
  readonly item: string;
  /** The meeting's title and its local date (`2026-12-15`). */
  readonly meeting: string;
  readonly date: string;
}
