import { lazy, type ComponentType } from 'react';

const RELOADED = 'planpuls-reloaded-for-update';

/**
 * `React.lazy` for a view that survives a deployment: the page names content-hashed files, so a
 * tab left open across an update asks for a file that is gone. Then the page loads once more (the
 * new page names the new files); should that not help within a minute, the error shows instead of
 * reloading for ever.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy declares it
export function lazyView<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED);
      return module;
    } catch (error) {
      const last = Number(sessionStorage.getItem(RELOADED) ?? 0);
      if (Date.now() - last > 60_000) {
        sessionStorage.setItem(RELOADED, String(Date.now()));
        window.location.reload();
        // The reload replaces the page; until then nothing is drawn.
        return new Promise<{ default: T }>(() => undefined);
      }
      throw error;
    }
  });
}
