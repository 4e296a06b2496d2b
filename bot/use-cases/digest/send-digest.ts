import { createHash } from 'node:crypto';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { isEmptyDigest } from '../../domain/digest/digest.js';
import type { DigestWeek } from '../../domain/digest/digest-week.js';
import { buildDigest } from './build-digest.js';
import type { DigestDeps } from './digest-deps.js';
import { digestPlaces, type DigestPlace } from './digest-places.js';
import { scopeKey } from './digest-scope.js';
import { loadDigestWorld } from './digest-world.js';

/** Digests queued at once: storage round trips overlap, and Azure Tables takes far more than this. */
const QUEUE_WIDTH = 8;

/**
 * The places of a digest not queued yet. Usually the message is new (one read that finds
 * nothing); on a second run of the week (another instance, or after a crash) the message's
 * deliveries are read in one query, so a re-run costs a read per digest, not a failed write and a
 * read per place.
 */
async function notYetQueued(
  deps: DigestDeps,
  id: string,
  group: readonly DigestPlace[],
): Promise<ConversationRef[]> {
  if (!(await deps.outbox.message(id))) return group.map((p) => p.reference);
  const queued = new Set((await deps.outbox.deliveries(id)).map((d) => d.conversationId));
  return group.map((p) => p.reference).filter((ref) => !queued.has(ref.conversation.id));
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export interface DigestRun {
  /** Places that would get a digest this week (linked channels, people who chose it). */
  readonly places: number;
  /** Distinct digests (places with the same scope share one stored message). */
  readonly messages: number;
  /** Deliveries queued now; a second run queues none. */
  readonly queued: number;
  /** Places whose week had nothing to tell: nothing is sent there. */
  readonly empty: number;
}

/**
 * Queues a week's digest for every place, exactly once per place and week: places with equal
 * scopes share one outbox message whose id is the week and the scope
 * (`ukesoversikt-2026-W49-<hash>`), and the outbox keeps one delivery per message and
 * conversation. So a second run (another instance, or this job again after a crash) queues
 * nothing new, even if the plan changed in between; a run cut off halfway queues the rest.
 */
export async function sendWeeklyDigest(deps: DigestDeps, week: DigestWeek, now: Date): Promise<DigestRun> {
  const world = await loadDigestWorld(deps, week, now);
  if (!world) return { places: 0, messages: 0, queued: 0, empty: 0 };
  const places = await digestPlaces(deps, world.plan);
  const groups = new Map<string, DigestPlace[]>();
  for (const place of places) {
    const key = scopeKey(place.scope);
    groups.set(key, [...(groups.get(key) ?? []), place]);
  }
  let messages = 0;
  let queued = 0;
  let empty = 0;
  await inParallel([...groups], QUEUE_WIDTH, async ([key, group]) => {
    const first = group[0]!;
    const digest = buildDigest(world, first.scope);
    if (isEmptyDigest(digest)) {
      empty += group.length;
      return;
    }
    const id = `ukesoversikt-${week.key}-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
    const targets = await notYetQueued(deps, id, group);
    messages++;
    if (targets.length === 0) return;
    const activity = deps.render.digest(
      { digest, publicUrl: deps.publicUrl, ...(first.forName ? { forName: first.forName } : {}) },
      first.scope.language,
    );
    const { created } = await deps.outbox.enqueue({ id, activity, kind: 'ukesoversikt' }, targets);
    queued += created; // after the await: `queued += await …` would add to a stale count
  });
  deps.logger.info('weekly digest queued', {
    week: week.key,
    places: places.length,
    messages,
    queued,
    empty,
  });
  return { places: places.length, messages, queued, empty };
}
