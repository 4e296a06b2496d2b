import type { FuturePicture, PlanFile, Unit } from '../plan/plan-schema.js';
import type { Campaign } from './campaign.js';
import { ACTION_STATUSES, type ActionStatus } from './action-status.js';
import { planKnowsServes } from './action-serves.js';
import { LOCAL_PLAN_LIMITS, toAction, type ActionInput, type LocalPlanAction } from './local-plan.js';

export { ACTION_STATUSES, type ActionStatus };

export const ANSWERS = ['ja', 'delvis', 'nei'] as const;
export type SignAnswer = (typeof ANSWERS)[number];

/**
 * What a unit reports: a dated snapshot of its local plan's four elements (the actions with
 * deadline and status), signs, time resources, free text, answers to another request.
 */
export interface ReportContent {
  readonly kartlegging: string;
  readonly analyse: string;
  readonly mal: string;
  readonly actions: readonly LocalPlanAction[];
  readonly signs: Readonly<Record<string, { answer: SignAnswer | ''; comment: string }>>;
  readonly tidsressurser: string;
  readonly fritekst: string;
  /** Answers to another request's questions, by question id. */
  readonly answers: Readonly<Record<string, string>>;
}

export type ReportStatus = 'utkast' | 'sendt';

/** The current version of a unit's report in a campaign. */
export interface Report {
  readonly campaignId: string;
  readonly unitId: string;
  readonly status: ReportStatus;
  /** 1 for the first save; every save adds one and is kept. */
  readonly version: number;
  readonly content: ReportContent;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly savedAt: string;
  /** When it was first submitted, and whether that was after the deadline. */
  readonly submittedAt?: string;
  readonly late?: boolean;
  /** The version of the unit's local plan this report's elements are based on (after a submit: the one it wrote). */
  readonly planVersion?: number;
}

/** The signs of good practice a unit answers: those of the pictures that apply to its type. */
export function signsFor(
  plan: PlanFile,
  unit: Unit,
): { picture: FuturePicture; signs: FuturePicture['signs'] }[] {
  return plan.futurePictures
    .filter((p) => p.appliesTo.includes(unit.type))
    .map((picture) => ({ picture, signs: picture.signs }));
}

export function emptyContent(): ReportContent {
  return {
    kartlegging: '',
    analyse: '',
    mal: '',
    actions: [],
    signs: {},
    tidsressurser: '',
    fritekst: '',
    answers: {},
  };
}

/** Card input ids: `tegn_<signId>`, `tegn_<signId>_kommentar`, `svar_<questionId>`. */
export const signInput = (signId: string) => `tegn_${signId}`;
export const commentInput = (signId: string) => `tegn_${signId}_kommentar`;
export const answerInput = (questionId: string) => `svar_${questionId}`;
/** Action rows of the form, numbered from 1: `handling_1`, `handlingFrist_1`, … */
export const actionInputs = (row: number) => ({
  text: `handling_${row}`,
  deadline: `handlingFrist_${row}`,
  status: `handlingStatus_${row}`,
  responsible: `handlingAnsvarlig_${row}`,
  serves: `handlingMal_${row}`,
});

/**
 * The action rows of a form: the card carries the ids of the actions it showed, row by row
 * (`handlingIds`, '' for a blank row); a row whose text is empty is no action (clearing the text
 * removes it). Rows past the limit are ignored.
 */
export function actionsFromInput(data: Record<string, unknown>): ActionInput[] {
  const ids = Array.isArray(data.handlingIds) ? (data.handlingIds as unknown[]) : [];
  // Rows the card offered no goal choice for (to stay under the size limit) carry their link here.
  const kept = Array.isArray(data.handlingMalUt) ? (data.handlingMalUt as unknown[]) : [];
  const rows = Math.min(ids.length, LOCAL_PLAN_LIMITS.actions + 5);
  const out: ActionInput[] = [];
  for (let row = 1; row <= rows; row++) {
    const input = actionInputs(row);
    const text = str(data[input.text]);
    if (!text) continue;
    out.push({
      id: str(ids[row - 1]),
      text,
      deadline: str(data[input.deadline]),
      status: str(data[input.status]),
      responsible: str(data[input.responsible]),
      ...servesOf(input.serves in data ? data[input.serves] : kept[row - 1]),
    });
  }
  return out;
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A row's goal or theme, when it names one (an action that names none carries no `serves`). */
function servesOf(value: unknown): { serves?: string } {
  const serves = str(value);
  return serves ? { serves } : {};
}

/** Reads a report from card data (Adaptive Card inputs arrive as strings); unknown keys are ignored. */
export function contentFromInput(
  data: Record<string, unknown>,
  plan: PlanFile,
  unit: Unit,
  campaign: Pick<Campaign, 'kind' | 'questions'>,
): ReportContent {
  if (campaign.kind === 'forespørsel') {
    return {
      ...emptyContent(),
      answers: Object.fromEntries(campaign.questions.map((q) => [q.id, str(data[answerInput(q.id)])])),
    };
  }
  const signs: Record<string, { answer: SignAnswer | ''; comment: string }> = {};
  for (const { signs: list } of signsFor(plan, unit))
    for (const sign of list)
      signs[sign.id] = {
        answer: str(data[signInput(sign.id)]) as SignAnswer | '',
        comment: str(data[commentInput(sign.id)]),
      };
  return {
    ...emptyContent(),
    kartlegging: str(data.kartlegging),
    analyse: str(data.analyse),
    mal: str(data.mal),
    // Ids are checked against the stored plan by the use case (assignActionIds).
    // A goal or theme the plan does not have (a forged or outdated card) is no link.
    actions: actionsFromInput(data).map((a) =>
      toAction({ ...a, serves: a.serves && planKnowsServes(plan, a.serves) ? a.serves : '' }, a.id ?? ''),
    ),
    signs,
    tidsressurser: str(data.tidsressurser),
    fritekst: str(data.fritekst),
  };
}

/**
 * A report as stored, in either shape: reports saved before local plans had one `handling` text
 * with one deadline and status; that becomes one action (none when the text was empty).
 */
export function migrateReport(stored: Report): Report {
  const content = stored.content as ReportContent & {
    handling?: string;
    handlingFrist?: string;
    handlingStatus?: string;
  };
  if (Array.isArray(content.actions)) return stored;
  const { handling, handlingFrist, handlingStatus, ...rest } = content;
  const actions: LocalPlanAction[] = handling
    ? [
        {
          id: 'h1',
          text: handling,
          deadline: handlingFrist ?? '',
          status: (handlingStatus || 'ikke-startet') as ActionStatus,
        },
      ]
    : [];
  return { ...stored, content: { ...rest, actions } };
}

/** Same content, whatever ids the actions got (a card pressed twice names no ids for new rows). */
export function sameContent(a: ReportContent, b: ReportContent): boolean {
  const plain = (c: ReportContent) => ({ ...c, actions: c.actions.map(({ id: _id, ...rest }) => rest) });
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** A report as the tab sends it (JSON): every field may be missing; unknown signs and questions are ignored. */
export interface ReportJson {
  readonly kartlegging?: string | undefined;
  readonly analyse?: string | undefined;
  readonly mal?: string | undefined;
  readonly actions?: readonly Partial<Record<keyof ActionInput, string | undefined>>[] | undefined;
  readonly signs?: Readonly<Record<string, { answer?: string | undefined; comment?: string | undefined }>>;
  readonly tidsressurser?: string | undefined;
  readonly fritekst?: string | undefined;
  readonly answers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Reads a report from the tab's JSON as `contentFromInput` reads the card's inputs: the same
 * signs and questions, texts trimmed, a row without text no action.
 */
export function contentFromJson(
  body: ReportJson,
  plan: PlanFile,
  unit: Unit,
  campaign: Pick<Campaign, 'kind' | 'questions'>,
): ReportContent {
  if (campaign.kind === 'forespørsel')
    return {
      ...emptyContent(),
      answers: Object.fromEntries(campaign.questions.map((q) => [q.id, str(body.answers?.[q.id])])),
    };
  const signs: Record<string, { answer: SignAnswer | ''; comment: string }> = {};
  for (const { signs: list } of signsFor(plan, unit))
    for (const sign of list)
      signs[sign.id] = {
        answer: str(body.signs?.[sign.id]?.answer) as SignAnswer | '',
        comment: str(body.signs?.[sign.id]?.comment),
      };
  return {
    ...emptyContent(),
    kartlegging: str(body.kartlegging),
    analyse: str(body.analyse),
    mal: str(body.mal),
    actions: (body.actions ?? [])
      .map((a) => ({
        id: str(a.id),
        text: str(a.text),
        deadline: str(a.deadline),
        status: str(a.status),
        responsible: str(a.responsible),
        // A goal or theme the plan does not have (renamed since the form was made) is dropped.
        serves: planKnowsServes(plan, str(a.serves)) ? str(a.serves) : '',
      }))
      .filter((a) => a.text !== '')
      .map((a) => toAction(a, a.id)),
    signs,
    tidsressurser: str(body.tidsressurser),
    fritekst: str(body.fritekst),
  };
}
