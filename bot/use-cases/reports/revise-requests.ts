import { ConflictError } from '../../domain/errors.js';
import { requestMessageId } from './campaigns.js';
import type { OutgoingActivity } from '../../delivery/ports.js';
import type { Language } from '../../i18n/index.js';
import { languageOf, leaderMris, rendererIn, type ReportDeps, type ReportView } from './report-deps.js';
import { EDIT_HOLD_MS, isHeld } from './report-edits.js';

/**
 * Revises the unit's posted request cards: with jobs, by a due job off the request; else at once.
 * `firstTime`: the caller knows of no earlier revision job of the unit (a first submit).
 */
export async function reviseLater(
  deps: ReportDeps,
  campaignId: string,
  unitId: string,
  now: Date,
  view: ReportView,
  firstTime = false,
): Promise<void> {
  if (!deps.jobs) return reviseRequests(deps, view, now);
  await deps.jobs.schedule(
    {
      // A group: when many leaders submit at once, their jobs are written together.
      id: `@rapport-revider/${campaignId}:${unitId}`,
      kind: 'rapport-revider',
      dueAt: now,
      payload: { campaignId, unitId },
    },
    { firstTime },
  );
}

/**
 * Everyone who got the unit's request now sees the summary in its place; a leader's own chat with
 * «Endre» (only they see it), a shared channel through the leaders' refresh. A card that already
 * shows this is left alone, and so is the chat of a leader whose «Endre» form is open: a
 * background update must not replace a form under someone's hands (cancel or save catches up).
 * A draft (saved in the tab) goes to the leaders' own chats only: drafts are the leaders' until
 * submitted, and a channel is read by the whole unit.
 */
export async function reviseRequests(
  deps: ReportDeps,
  view: ReportView,
  now: Date = deps.read.clock.now(),
): Promise<void> {
  const { campaign, unit } = view;
  const [mris, editors] = await Promise.all([
    view.closed ? [] : leaderMris(deps, unit.id),
    view.closed ? [] : (deps.edits?.editors(campaign.id, unit.id) ?? []),
  ]);
  const held = editors.filter((e) => isHeld(e, now));
  const editing = new Set(held.map((e) => e.person));
  const draft = view.report?.status === 'utkast';
  let heldBack = false;
  const shared = deps.render.request({ ...view, editor: false, leaderMris: mris });
  // A leader's own chat shows her card in her language; the channel's stays Norwegian.
  const owns = new Map<Language, OutgoingActivity>();
  const own = async (leader: string) => {
    const language = await languageOf(deps, leader);
    if (!owns.has(language))
      owns.set(language, rendererIn(deps, language).request({ ...view, editor: true, leaderMris: mris }));
    return owns.get(language)!;
  };
  const chatOf = requestMessageId(campaign.id, unit.id, '');
  for (const id of campaign.requests[unit.id] ?? []) {
    const leader = id.startsWith(chatOf) ? id.slice(chatOf.length).toLowerCase() : 'kanal';
    if (leader === 'kanal' && draft) continue;
    if (editing.has(leader)) {
      heldBack = true;
      continue;
    }
    const activity = leader === 'kanal' ? shared : await own(leader);
    const posted = await deps.outbox.message(id);
    if (posted && JSON.stringify(posted.activity) === JSON.stringify(activity)) continue;
    try {
      await deps.outbox.revise(id, activity);
    } catch (error) {
      // Another revise of the same message won the race; ours is newer, so once more.
      if (!(error instanceof ConflictError)) throw error;
      await deps.outbox.revise(id, activity);
    }
  }
  // A form left open (a closed laptop) holds its card back for EDIT_HOLD_MS at most; then this
  // catches up. Its own id: the runner removes the job that is running when it returns.
  if (heldBack && deps.jobs) {
    const until = Math.min(...held.map((e) => Date.parse(e.openedAt))) + EDIT_HOLD_MS;
    await deps.jobs.schedule({
      id: `rapport-revider-holdt:${campaign.id}:${unit.id}`,
      kind: 'rapport-revider',
      dueAt: new Date(until),
      payload: { campaignId: campaign.id, unitId: unit.id },
    });
  }
}
