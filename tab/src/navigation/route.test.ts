import { describe, expect, it } from 'vitest';
import { parseRoute, routeToSearch } from './route';

describe('parseRoute', () => {
  it('opens the calendar when the address names no view', () => {
    expect(parseRoute('')).toEqual({ view: 'kalender' });
  });

  it('reads the view and event of a card deep link', () => {
    expect(parseRoute('?view=kalender&event=kulg-03')).toEqual({ view: 'kalender', event: 'kulg-03' });
  });

  it('takes the view and event from a Teams subPageId in either form', () => {
    expect(parseRoute('', 'kalender:kulg-03')).toEqual({ view: 'kalender', event: 'kulg-03' });
    expect(parseRoute('?view=enheter', 'view=rapporter')).toEqual({ view: 'rapporter' });
  });

  it('ignores unknown views and malformed months', () => {
    expect(parseRoute('?view=hemmelig&month=2026-13')).toEqual({ view: 'kalender' });
  });

  it('writes a route back to the same query string', () => {
    const route = { view: 'kalender' as const, mode: 'liste' as const, programme: 'lp', event: 'lp-01' };
    expect(parseRoute(routeToSearch(route))).toEqual(route);
  });
});
