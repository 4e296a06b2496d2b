/** A unit's report as the screens name it: «Ikke spurt» for a unit no request has reached. */
export type ReportState = 'sendt' | 'utkast' | 'mangler' | 'ikke-spurt';

/**
 * A unit's report state from its status and whether the request reached it (the server's
 * `isAsked`), as Enheter and «Mine» say it: nothing saved and never asked is «ikke spurt».
 */
export const reportState = (u: { status: 'sendt' | 'utkast' | 'mangler'; asked: boolean }): ReportState =>
  u.status === 'mangler' && !u.asked ? 'ikke-spurt' : u.status;
