import type { ReportTexts } from '../../i18n/reports.js';
import type { actionInputs } from '../../domain/reports/report.js';
import type { Choice } from '../cards/elements.js';

/** What the report form shows and sends: the data `formCard` builds it from. */
export interface ReportFormCardData {
  title: string;
  intro: string;
  notice: string;
  noticeColor: 'Good' | 'Attention';
  halfYear: boolean;
  labels: ReportTexts & { comment: string };
  values: Record<'kartlegging' | 'analyse' | 'mal' | 'tidsressurser' | 'fritekst', string>;
  /** Where the local plan's part comes from (the unit's plan, version n). */
  planNote: string;
  /** The action rows: the plan's actions, then blank rows up to the limit. */
  actions: {
    label: string;
    ids: ReturnType<typeof actionInputs>;
    text: string;
    deadline: string;
    status: string;
    responsible: string;
    /** `goal:<id>` / `theme:<id>`, or '' for none. */
    serves: string;
    /** A row with text must have a deadline and a status (blank rows are left out). */
    required: boolean;
  }[];
  actionIds: string[];
  planVersion: number;
  maxActions: number;
  maxActionText: number;
  maxResponsible: number;
  statuses: Choice[];
  /** The plan's goals and themes an action may serve, after «Ikke valgt» (''). */
  servesChoices: Choice[];
  answers: Choice[];
  signs: {
    heading: string;
    text: string;
    inputId: string;
    commentId: string;
    answer: string;
    comment: string;
  }[];
  questions: { inputId: string; text: string; answer: string; required: boolean }[];
  maxText: number;
  maxComment: number;
  showDraft: boolean;
  /** Editing a submitted report: «Avbryt» leaves the form for the summary. */
  showCancel: boolean;
  submitTitle: string;
  campaignId: string;
  unitId: string;
  version: number;
}

/** What a submitted report's read-only summary shows: the data `summaryCard` builds it from. */
export interface ReportSummaryCardData {
  title: string;
  status: string;
  /** Green for a submitted report; plain for a draft or none (a closed campaign's card). */
  statusColor: 'Good' | 'Default';
  notice: string;
  /** What the report says, in order, each as a heading over its text; empty parts left out. */
  entries: { title: string; value: string; note: string }[];
  signsHeading: string;
  /** The signs of good practice under their future picture's heading, each with its answer below. */
  signGroups: { heading: string; signs: { text: string; answer: string; comment: string }[] }[];
  editNote: string;
  showEdit: boolean;
  edit: string;
  /** Leaders' Teams ids for the user-specific refresh (empty: no refresh). */
  refreshUserIds: string[];
  campaignId: string;
  unitId: string;
}
