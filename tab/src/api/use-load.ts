import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: Error };

/**
 * Runs a load when its inputs change; `reload` runs it again. With `keepShown`, what was loaded
 * stays shown while it loads again (the app's own frame when the language switches: its header,
 * and the keyboard's place in it, stay); otherwise every load shows as loading.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
  { keepShown = false }: { keepShown?: boolean } = {},
): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setResult((shown) => (keepShown && shown.state === 'ready' ? shown : { state: 'loading' }));
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: Error) => current && setResult({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return [result, useCallback(() => setRound((r) => r + 1), [])];
}
