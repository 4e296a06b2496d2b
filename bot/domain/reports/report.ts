import type { FuturePicture, PlanFile, Unit } from '../plan/plan-schema.js';
import type { Campaign } from './campaign.js';

export const ANSWERS = ['ja', 'delvis', 'nei'] as const;
export type SignAnswer = (typeof ANSWERS)[number];

export const ACTION_STATUSES = ['ikke-startet', 'pågår', 'fullført'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a unit reports: the local plan's four elements, signs, time resources, free text, answers. */
export interface ReportContent {
  readonly kartlegging: string;
  readonly analyse: string;
  readonly mal: string;
  readonly handling: string;
  readonly handlingFrist: string;
  readonly handlingStatus: ActionStatus | '';
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
    handling: '',
    handlingFrist: '',
    handlingStatus: '',
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

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

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
    handling: str(data.handling),
    handlingFrist: str(data.handlingFrist),
    handlingStatus: str(data.handlingStatus) as ActionStatus | '',
    signs,
    tidsressurser: str(data.tidsressurser),
    fritekst: str(data.fritekst),
  };
}

export function sameContent(a: ReportContent, b: ReportContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
