import { describe, expect, it } from 'vitest';
import { asksForView, parseRoute, routeToSearch } from './route';

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

describe('asksForView', () => {
  it('is false for a bare address, so the person’s own first view opens', () => {
    expect(asksForView('')).toBe(false);
    expect(asksForView('?devUser=abc')).toBe(false);
  });

  it('is true for a named view, a card’s event and a channel tab set up for a network', () => {
    expect(asksForView('?view=kalender')).toBe(true);
    expect(asksForView('', 'kalender:kulg-03')).toBe(true);
    expect(asksForView('?programme=kulg')).toBe(true);
    expect(asksForView('?view=mine')).toBe(true);
  });
});
