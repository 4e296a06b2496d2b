import type { Person } from '../../domain/people/person.js';
import type { Unit } from '../../domain/plan/plan-schema.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import { servesChoices } from '../../domain/reports/action-serves.js';
import { LOCAL_PLAN_LIMITS } from '../../domain/reports/local-plan.js';
import {
  ACTION_STATUSES,
  ANSWERS,
  actionInputs,
  answerInput,
  commentInput,
  emptyContent,
  signInput,
  signsFor,
} from '../../domain/reports/report.js';
import { MAX_COMMENT, MAX_TEXT } from '../../domain/reports/validate-report.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { ReportRenderer, ReportView } from '../../use-cases/reports/report-deps.js';
import { formContent } from '../../use-cases/reports/report-form.js';
import { adaptiveCard, factSet, heading, textBlock, when, type AdaptiveCard } from '../cards/elements.js';
import type { ReportFormCardData, ReportSummaryCardData } from './report-card-data.js';
import { formCard, summaryCard } from './report-card-json.js';
import { campaignTitle } from './report-choice-card.js';

/** Blank action rows a form offers after the plan's actions (up to the limit). */
const BLANK_ACTION_ROWS = 3;

const longDates = new Map<string, Intl.DateTimeFormat>();

/** «mandag 1. mars 2027»: a plan date in words with its weekday. */
export function longDate(text: ReportTexts, date: string): string {
  let format = longDates.get(text.dateLocale);
  if (!format) {
    format = new Intl.DateTimeFormat(text.dateLocale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    longDates.set(text.dateLocale, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

/** Cards are for strings; an empty string keeps a template expression from staying unexpanded. */
const s = (value: string | undefined) => value ?? '';

export function reportFormCardData(text: ReportTexts, view: ReportView): ReportFormCardData {
  const { campaign, unit, plan } = view;
  const content = formContent(view);
  const rows = Math.min(LOCAL_PLAN_LIMITS.actions, content.actions.length + BLANK_ACTION_ROWS);
  const actions = Array.from({ length: Math.max(rows, content.actions.length) }, (_, i) => {
    const action = content.actions[i];
    return {
      label: text.actionLabel(i + 1),
      ids: actionInputs(i + 1),
      text: s(action?.text),
      deadline: s(action?.deadline),
      status: action?.status ?? 'ikke-startet',
      responsible: s(action?.responsible),
      serves: s(action?.serves),
      required: Boolean(action?.text),
    };
  });
  const submitted = view.report?.status === 'sendt';
  const signs: ReportFormCardData['signs'] = [];
  for (const { picture, signs: list } of signsFor(plan, unit))
    list.forEach((sign, i) =>
      signs.push({
        heading: i === 0 ? picture.title : '',
        text: sign.text,
        inputId: signInput(sign.id),
        commentId: commentInput(sign.id),
        answer: s(content.signs[sign.id]?.answer),
        comment: s(content.signs[sign.id]?.comment),
      }),
    );
  return {
    title: text.requestTitle(campaignTitle(text, campaign), unit.name),
    intro: submitted
      ? text.changeIntro(text.date(campaign.deadline))
      : text.requestIntro(text.date(campaign.deadline)),
    notice: s(view.notice?.text),
    noticeColor: view.notice?.tone === 'good' ? 'Good' : 'Attention',
    halfYear: campaign.kind === 'halvår',
    labels: text,
    values: {
      kartlegging: content.kartlegging,
      analyse: content.analyse,
      mal: content.mal,
      tidsressurser: content.tidsressurser,
      fritekst: content.fritekst,
    },
    planNote: text.fromLocalPlan(view.localPlan?.version ?? 0),
    actions,
    actionIds: actions.map((_, i) => content.actions[i]?.id ?? ''),
    planVersion: view.localPlan?.version ?? 0,
    maxActions: LOCAL_PLAN_LIMITS.actions,
    maxActionText: LOCAL_PLAN_LIMITS.actionText,
    maxResponsible: LOCAL_PLAN_LIMITS.responsible,
    statuses: ACTION_STATUSES.map((value) => ({ value, title: text.statuses[value] ?? value })),
    servesChoices: [
      { value: '', title: text.servesNone },
      ...servesChoices(plan, { goal: text.goalWord, theme: text.themeWord, themes: text.themesWord }),
    ].map(({ value, title }) => ({ value, title })),
    answers: ANSWERS.map((value) => ({ value, title: text.answers[value] ?? value })),
    signs,
    questions: campaign.questions.map((q) => ({
      inputId: answerInput(q.id),
      text: q.text,
      answer: s(content.answers[q.id]),
      required: q.required,
    })),
    maxText: MAX_TEXT,
    maxComment: MAX_COMMENT,
    showDraft: !submitted,
    showCancel: submitted,
    submitTitle: submitted ? text.submitChanges : text.submit,
    campaignId: campaign.id,
    unitId: unit.id,
    version: view.report?.version ?? 0,
  };
}

export function reportSummaryCardData(
  text: ReportTexts,
  view: ReportView,
  when: (iso?: string) => string,
): ReportSummaryCardData {
  const { campaign, unit, plan, report } = view;
  const content = report?.content ?? emptyContent();
  const entry = (title: string, value: string, note = '') => ({ title, value, note });
  const entries =
    campaign.kind === 'halvår'
      ? [
          entry(text.kartlegging, content.kartlegging),
          entry(text.analyse, content.analyse),
          entry(text.mal, content.mal),
          ...content.actions.map((a, i) =>
            entry(
              text.actionLabel(i + 1),
              a.text,
              [
                text.actionFact(
                  a.deadline ? longDate(text, a.deadline) : '',
                  text.statuses[a.status] ?? a.status,
                  a.responsible ?? '',
                ),
                servedTitle(plan, a.serves, text),
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          ),
          entry(text.tidsressurser, content.tidsressurser),
          entry(text.fritekstTitle, content.fritekst),
        ]
      : campaign.questions.map((q) => entry(q.text, content.answers[q.id] ?? ''));
  const signGroups =
    campaign.kind === 'halvår'
      ? signsFor(plan, unit).map(({ picture, signs: list }) => ({
          heading: picture.title,
          signs: list.map((sign) => {
            const a = content.signs[sign.id];
            return {
              text: sign.text,
              answer: a?.answer ? (text.answers[a.answer] ?? a.answer) : '–',
              comment: a?.comment ?? '',
            };
          }),
        }))
      : [];
  return {
    title: text.requestTitle(campaignTitle(text, campaign), unit.name),
    // Only a closed campaign shows a summary without a submitted report: a draft, or nothing.
    status:
      report?.status === 'sendt'
        ? text.submitted(report.savedByName, when(report.savedAt)) + (report.late ? text.lateMark : '')
        : report
          ? text.draftStatus
          : text.notStarted,
    statusColor: report?.status === 'sendt' ? 'Good' : 'Default',
    notice: s(view.notice?.text),
    entries: entries.filter((e) => e.value.trim() !== ''),
    signsHeading: text.signsHeading,
    signGroups: signGroups.filter((g) => g.signs.length > 0),
    editNote: campaign.closedAt
      ? text.campaignClosed(when(campaign.closedAt))
      : view.closed
        ? text.closed
        : text.editUntil(text.date(campaign.deadline)),
    showEdit: !view.closed && view.editor === true,
    edit: text.edit,
    refreshUserIds: view.closed ? [] : [...(view.leaderMris ?? [])],
    campaignId: campaign.id,
    unitId: unit.id,
  };
}

/** «tjener Mål 2: …», the choice's own words, or '' when the action names nothing (or nothing known). */
function servedTitle(plan: ReportView['plan'], serves: string | undefined, text: ReportTexts): string {
  if (!serves) return '';
  const words = { goal: text.goalWord, theme: text.themeWord, themes: text.themesWord };
  const choice = servesChoices(plan, words).find((c) => c.value === serves);
  return choice ? text.servesFact(choice.title) : '';
}

const card = (content: Record<string, unknown>) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content,
});

/** A short card for a refusal where no form can be shown. */
function noticeCard(text: string): AdaptiveCard {
  return adaptiveCard([textBlock(text, { wrap: true, color: 'Attention', weight: 'Bolder' })]);
}

/** To the coordinators after the deadline: the units that have not reported, if any. */
function escalationCard(text: ReportTexts, campaign: Campaign, missing: readonly Unit[], total: number) {
  return adaptiveCard([
    heading(text.escalationTitle(campaignTitle(text, campaign))),
    textBlock(
      missing.length > 0
        ? text.escalationIntro(text.date(campaign.deadline), missing.length, total)
        : text.noneMissing,
      { wrap: true },
    ),
    ...when(
      missing.length > 0,
      factSet(missing.map((u) => ({ title: u.name, value: text.unitTypes[u.type] ?? u.type }))),
    ),
  ]);
}

/** The renderer the report use cases post and answer with. */
export function reportRenderer(text: ReportTexts, when: (iso?: string) => string): ReportRenderer {
  const view = (v: ReportView & { mode?: 'form' | 'summary' }) => {
    // A closed campaign's cards take nothing more: each shows what came in, and that it closed.
    const summary =
      v.campaign.closedAt !== undefined || (v.mode ? v.mode === 'summary' : v.report?.status === 'sendt');
    return summary
      ? summaryCard(reportSummaryCardData(text, v, when))
      : formCard(reportFormCardData(text, v));
  };
  return {
    card: view,
    notice: noticeCard,
    request(v, mention) {
      const activity: Record<string, unknown> = { type: 'message', attachments: [card(view(v))] };
      if (!mention) return activity;
      return { ...activity, ...mentionOf(text, v.unit, mention.leaders) };
    },
    reminder: (v, days) => ({
      type: 'message',
      text: text.reminderText(v.unit.name, text.date(v.campaign.deadline), days),
      attachments: [card(view({ ...v, mode: 'form' }))],
    }),
    escalation: (campaign, missing, total) => ({
      type: 'message',
      attachments: [card(escalationCard(text, campaign, missing, total))],
    }),
  };
}

/** `<at>Name</at>` for each leader, with the mention entities Teams needs to notify them. */
function mentionOf(text: ReportTexts, unit: Unit, leaders: readonly Person[]) {
  if (leaders.length === 0) return { text: text.noLeaderMention(unit.name) };
  const names = leaders.map((l) => `<at>${l.name ?? l.aadObjectId}</at>`).join(', ');
  return {
    text: text.mention(names, unit.name),
    entities: leaders.map((l) => ({
      type: 'mention',
      text: `<at>${l.name ?? l.aadObjectId}</at>`,
      mentioned: { id: l.aadObjectId, name: l.name ?? l.aadObjectId },
    })),
  };
}
