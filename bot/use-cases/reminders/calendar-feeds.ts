/** A subscribable calendar of one programme or network; its URL carries an unguessable token. */
export interface CalendarFeed {
  readonly id: string;
  readonly programme: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revoked: boolean;
}

/** Storage port for calendar feeds. The token is returned once, at creation. */
export interface CalendarFeeds {
  create(programme: string, createdBy: string): Promise<{ feed: CalendarFeed; token: string }>;
  /** The feed for a token, unless it is unknown or revoked. */
  byToken(token: string): Promise<CalendarFeed | undefined>;
  list(): Promise<CalendarFeed[]>;
  revoke(id: string): Promise<boolean>;
}
