import type { PlanFile } from '../domain/plan/plan-schema.js';
import type { PlanRepository } from './plan-repository.js';

export type PlanChangeListener = (
  key: string,
  plan: PlanFile,
  previous: PlanFile | undefined,
) => Promise<void>;

/**
 * Notices stored plans that changed since this process last looked, by revision, so an import
 * (even by the CLI, in another process) reaches the features at the next tick. A listener that
 * fails leaves the plan unseen, so the next check tries again.
 */
export function planWatch(plans: PlanRepository): {
  listen(listener: PlanChangeListener): void;
  check(): Promise<void>;
} {
  const seen = new Map<string, { revision: string; plan: PlanFile }>();
  const listeners: PlanChangeListener[] = [];
  return {
    listen: (listener) => void listeners.push(listener),
    async check() {
      for (const info of await plans.list()) {
        const previous = seen.get(info.key);
        if (previous?.revision === info.revision) continue;
        const stored = await plans.load(info.key);
        if (!stored) continue;
        for (const listener of listeners) await listener(info.key, stored.plan, previous?.plan);
        seen.set(info.key, { revision: info.revision, plan: stored.plan });
      }
    },
  };
}
