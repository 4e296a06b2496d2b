import type { Server } from 'restify';
import type { PlanFile } from '../domain/plan/plan-schema.js';
import type { CardActionHandler, ChatCommand } from '../teams/extensions.js';
import type { DueJobHandler } from '../use-cases/due-jobs.js';
import type { Recurring } from '../use-cases/recurring.js';

/**
 * One feature, handed to the composition root in one object: what it answers in chat and on
 * cards, the jobs it runs, its HTTP routes, and what it does when the plan changes or the app is
 * installed for a person. A feature is built from the core services (`Core`) and nothing of
 * another feature; `bot/app.ts` lists the features and knows none of them.
 */
export interface Feature<Name extends string = string, Api = unknown> {
  /** Also the name under which `App` exposes `api` (e.g. `app.reports`). */
  readonly name: Name;
  /** What tests and tools reach through the app: the feature's dependencies, built once. */
  readonly api: Api;
  /** Chat commands, e.g. `neste`. The help card lists them in the order of the features. */
  readonly commands?: readonly ChatCommand[];
  /** Card action verbs (Action.Execute, or Action.Submit with a `verb`). */
  readonly cardActions?: readonly CardActionHandler[];
  /** Due-job handlers by kind. */
  readonly jobs?: Readonly<Record<string, DueJobHandler>>;
  /** Work that comes back (each occurrence a due job); made sure of once per process. */
  readonly recurring?: readonly Recurring[];
  /**
   * A stored plan changed (imported, edited, or first seen by this process): bring what the
   * feature derives from it in line. `previous` is the plan this process saw before, if any.
   */
  readonly onPlanChange?: (key: string, plan: PlanFile, previous: PlanFile | undefined) => Promise<void>;
  /** Mounts the feature's HTTP routes. */
  readonly routes?: (server: Server) => void;
  /**
   * The app was installed in a person's personal chat: what the feature owes her now. Answers
   * how many messages it queued.
   */
  readonly onInstall?: (aadObjectId: string) => Promise<number>;
}

/** The APIs of features (a union of their types), by name: `{ reports: ReportDeps, … }`. */
export type FeatureApis<Features extends Feature> = {
  readonly [F in Features as F['name']]: F['api'];
};
