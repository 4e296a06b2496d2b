export const VIEWS = ['mine', 'kalender', 'enheter', 'rapporter', 'meldinger', 'administrasjon'] as const;
export type ViewId = (typeof VIEWS)[number];
export type CalendarMode = 'maaned' | 'liste';

/** Everything the address says about what to show; deep links from cards set it. */
export interface Route {
  readonly view: ViewId;
  readonly event?: string;
  readonly mode?: CalendarMode;
  /** `YYYY-MM` shown in the month view. */
  readonly month?: string;
  readonly programme?: string;
  readonly unit?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Reads a route from a query string (`?view=kalender&event=kulg-03`) or a Teams `subPageId`,
 * which may be the same query string or the short `kalender:kulg-03`. The subPageId wins.
 */
export function parseRoute(search: string, subPageId?: string): Route {
  const params = paramsOf(search, subPageId);
  const view = params.get('view');
  const mode = params.get('mode');
  const month = params.get('month');
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : 'kalender',
    ...(params.get('event') ? { event: params.get('event')! } : {}),
    ...(mode === 'liste' || mode === 'maaned' ? { mode } : {}),
    ...(month && MONTH.test(month) ? { month } : {}),
    ...(params.get('programme') ? { programme: params.get('programme')! } : {}),
    ...(params.get('unit') ? { unit: params.get('unit')! } : {}),
  };
}

/** The address's parameters, a Teams `subPageId` (either form) over the query string. */
function paramsOf(search: string, subPageId?: string): URLSearchParams {
  const params = new URLSearchParams(search);
  if (subPageId) {
    const short = /^([a-z]+)(?::(.+))?$/.exec(subPageId);
    const fromSub =
      short && (VIEWS as readonly string[]).includes(short[1] ?? '')
        ? new URLSearchParams({ view: short[1]!, ...(short[2] ? { event: short[2] } : {}) })
        : new URLSearchParams(subPageId.replace(/^\?/, ''));
    fromSub.forEach((value, key) => params.set(key, value));
  }
  return params;
}

/**
 * Whether the address asks for something: a view, or an event, month, programme or unit of the
 * calendar (a card's deep link, a channel tab set up for a network). Else the person's own first
 * view opens («Mine» for most, the calendar for admins and coordinators).
 */
export function asksForView(search: string, subPageId?: string): boolean {
  const params = paramsOf(search, subPageId);
  return ['view', 'event', 'mode', 'month', 'programme', 'unit'].some((key) => params.get(key));
}

/** The query string for a route, so every state has an address to share or reload. */
export function routeToSearch(route: Route): string {
  const params = new URLSearchParams();
  params.set('view', route.view);
  for (const key of ['mode', 'month', 'programme', 'unit', 'event'] as const) {
    const value = route[key];
    if (value) params.set(key, value);
  }
  return `?${params.toString()}`;
}
