export const VIEWS = ['kalender', 'enheter', 'rapporter', 'meldinger', 'administrasjon'] as const;
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
  const params = new URLSearchParams(search);
  if (subPageId) {
    const short = /^([a-z]+)(?::(.+))?$/.exec(subPageId);
    const fromSub =
      short && (VIEWS as readonly string[]).includes(short[1] ?? '')
        ? new URLSearchParams({ view: short[1]!, ...(short[2] ? { event: short[2] } : {}) })
        : new URLSearchParams(subPageId.replace(/^\?/, ''));
    fromSub.forEach((value, key) => params.set(key, value));
  }
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
