import { useCallback, useEffect, useRef } from 'react';

/**
 * Focus for an answer that replaces what had the keyboard (a button that goes away once its work
 * is done, like «Avslutt» or «Send nå»): `arm()` when acting, and the element given `target`
 * (with tabIndex -1) takes focus the next time it is on the page, so the answer is read out and
 * the keyboard goes on from there rather than from the top of the page.
 */
export function useFocusWhenShown<T extends HTMLElement>() {
  const armed = useRef(false);
  const target = useRef<T>(null);
  useEffect(() => {
    if (!armed.current || !target.current) return;
    armed.current = false;
    target.current.focus();
  });
  const arm = useCallback(() => {
    armed.current = true;
  }, []);
  return { arm, target };
}
