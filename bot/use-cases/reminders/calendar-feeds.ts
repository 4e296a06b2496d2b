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

/**
 * Storage port for calendar feeds. A programme's token is returned once, at creation; a person's
 * own link is kept so they can find it again (`personal`) instead of cutting off the calendar
 * that already subscribes to it.
 */
export interface CalendarFeeds {
  create(subject: FeedSubject, createdBy: string): Promise<{ feed: CalendarFeed; token: string }>;
  /** The person's newest unrevoked own feed with its token, if it was made with one kept. */
  personal(person: string): Promise<{ feed: CalendarFeed; token: string } | undefined>;
  /** The feed for a token, unless it is unknown or revoked. */
  byToken(token: string): Promise<CalendarFeed | undefined>;
  list(): Promise<CalendarFeed[]>;
  revoke(id: string): Promise<boolean>;
}
