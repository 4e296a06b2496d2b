/**
 * A subscribable calendar, of one programme or network or of one person's own events; its URL
 * carries an unguessable token.
 */
export interface CalendarFeed {
  readonly id: string;
  /** The programme or network whose events it holds (with its networks'). */
  readonly programme?: string;
  /** The person (AAD object id) whose own events it holds. */
  readonly person?: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revoked: boolean;
}

/** What a feed holds: a programme's events or a person's. */
export type FeedSubject = { readonly programme: string } | { readonly person: string };

/** Storage port for calendar feeds. The token is returned once, at creation. */
export interface CalendarFeeds {
  create(subject: FeedSubject, createdBy: string): Promise<{ feed: CalendarFeed; token: string }>;
  /** The feed for a token, unless it is unknown or revoked. */
  byToken(token: string): Promise<CalendarFeed | undefined>;
  list(): Promise<CalendarFeed[]>;
  revoke(id: string): Promise<boolean>;
}
