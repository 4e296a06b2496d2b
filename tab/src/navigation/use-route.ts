import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeToSearch, type Route } from './route';

/** The route, kept in the address bar: back and forward work, reloading keeps the view. */
export function useRoute(subPageId: string | undefined): [Route, (next: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.search, subPageId));
  useEffect(() => {
    const popped = () => setRoute(parseRoute(window.location.search));
    window.addEventListener('popstate', popped);
    return () => window.removeEventListener('popstate', popped);
  }, []);
  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.history.pushState(null, '', `${window.location.pathname}${routeToSearch(next)}`);
  }, []);
  return [route, navigate];
}
