import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { routeToSearch, type Route } from '../../navigation/route';

/**
 * A link to another view of the tab: a real address (to open in a new tab or copy), followed in
 * place by the tab's own navigation so the page does not reload.
 */
export function RouteLink({
  to,
  navigate,
  children,
  label,
}: {
  to: Route;
  navigate: (route: Route) => void;
  children: ReactNode;
  /** A fuller name for screen readers when the text alone is short. */
  label?: string;
}) {
  const follow = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
    window.scrollTo({ top: 0 });
  };
  return (
    <Link href={`${window.location.pathname}${routeToSearch(to)}`} onClick={follow} aria-label={label}>
      {children}
    </Link>
  );
}
