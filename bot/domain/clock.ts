/** The only source of "now" for the domain and use cases, so tests can move time. */
export interface Clock {
  now(): Date;
}
