import {
  adaptiveCard,
  container,
  execute,
  heading,
  refreshFor,
  textBlock,
  when,
  type AdaptiveCard,
  type Element,
  type InputText,
} from '../cards/elements.js';
import type { ReportFormCardData, ReportSummaryCardData } from './report-card-data.js';

/*
 * The report form and summary, the largest cards Planpuls sends. Built in code like every card
 * (see cards/elements.ts): templating took 30–150 ms of CPU per form, which queued up to seconds
 * when 50 leaders pressed at once; these functions take well under 1 ms.
 */

const notice = (text: string, color: 'Good' | 'Attention') =>
  when(text, textBlock(text, { wrap: true, color, weight: 'Bolder' }));

const small = (text: string) => textBlock(text, { wrap: true, isSubtle: true, size: 'Small' });

/**
 * Cards must stay under Teams' limit (about 80 KB with the activity around them). The plan's
 * goals and themes are offered on as many action rows as fit in this budget; a full form (ten long
 * actions and every text at its limit) offers them on fewer, and the rows without keep their
 * stored link (`handlingMalUt`), which the tab can change.
 */
const CARD_BUDGET_BYTES = 76_000;
const bytesOf = (card: AdaptiveCard) => new TextEncoder().encode(JSON.stringify(card)).length;

export function formCard(d: ReportFormCardData): AdaptiveCard {
  const all = buildFormCard(d, d.actions.length);
  if (!d.halfYear || d.actions.length === 0 || bytesOf(all) <= CARD_BUDGET_BYTES) return all;
  const none = buildFormCard(d, 0);
  const perRow = (bytesOf(all) - bytesOf(none)) / d.actions.length;
  const rows = Math.max(0, Math.floor((CARD_BUDGET_BYTES - bytesOf(none)) / perRow));
  return buildFormCard(d, rows);
}

function buildFormCard(d: ReportFormCardData, servesRows: number): AdaptiveCard {
  // Teams checks `isRequired` before sending, for every button: a form with «Lagre utkast» would
  // then refuse an incomplete draft. There the label carries the mark and the server checks a
  // submit; the «Endre» form of a submitted report (no draft) lets the client check too.
  const clientChecks = !d.showDraft;
  const required = (label: string, errorMessage = d.labels.requiredError(label)) =>
    clientChecks ? { label, isRequired: true, errorMessage } : { label: `${label} *` };
  const labelled = (label: string, mandatory: boolean) => (mandatory ? required(label) : { label });
  const text = (
    id: keyof ReportFormCardData['values'],
    label: string,
    extra: Pick<InputText, 'separator'> = {},
    mandatory = true,
  ): InputText => ({
    type: 'Input.Text',
    id,
    ...labelled(label, mandatory),
    isMultiline: true,
    maxLength: d.maxText,
    value: d.values[id],
    ...extra,
  });
  const halfYear: Element[] = [
    textBlock(d.labels.elements, { weight: 'Bolder', wrap: true, separator: true }),
    small(d.planNote),
    text('kartlegging', d.labels.kartlegging),
    text('analyse', d.labels.analyse),
    text('mal', d.labels.mal),
    textBlock(d.labels.actionsHeading, { weight: 'Bolder', wrap: true }),
    small(d.labels.actionsIntro(d.maxActions)),
    ...d.actions.map((a, i) =>
      container(
        [
          {
            type: 'Input.Text',
            id: a.ids.text,
            label: a.label,
            isMultiline: true,
            maxLength: d.maxActionText,
            value: a.text,
          },
          {
            type: 'ColumnSet',
            columns: [
              {
                type: 'Column',
                width: 'stretch',
                items: [
                  {
                    type: 'Input.Date',
                    id: a.ids.deadline,
                    ...labelled(d.labels.actionDeadline(i + 1), a.required),
                    value: a.deadline,
                  },
                ],
              },
              {
                type: 'Column',
                width: 'stretch',
                items: [
                  {
                    type: 'Input.ChoiceSet',
                    id: a.ids.status,
                    ...labelled(d.labels.actionStatus(i + 1), a.required),
                    style: 'compact',
                    value: a.status,
                    choices: d.statuses,
                  },
                ],
              },
            ],
          },
          {
            type: 'Input.Text',
            id: a.ids.responsible,
            label: d.labels.actionResponsible,
            maxLength: d.maxResponsible,
            value: a.responsible,
          },
          // The plan's goals and themes, so the report can be read per goal.
          ...when(d.servesChoices.length > 1 && i < servesRows, {
            type: 'Input.ChoiceSet' as const,
            id: a.ids.serves,
            label: d.labels.actionServes,
            style: 'compact' as const,
            value: a.serves,
            choices: d.servesChoices,
          }),
        ],
        { separator: true },
      ),
    ),
    textBlock(d.labels.signsHeading, { weight: 'Bolder', wrap: true, separator: true }),
    ...d.signs.flatMap((sign): Element[] => [
      ...when(sign.heading, textBlock(sign.heading, { weight: 'Bolder', wrap: true })),
      {
        type: 'Input.ChoiceSet',
        id: sign.inputId,
        ...required(sign.text, d.labels.answerRequired),
        style: 'expanded',
        value: sign.answer,
        choices: d.answers,
      },
      {
        type: 'Input.Text',
        id: sign.commentId,
        placeholder: d.labels.comment,
        maxLength: d.maxComment,
        value: sign.comment,
      },
    ]),
    text('tidsressurser', d.labels.tidsressurser, { separator: true }),
    text('fritekst', d.labels.fritekst, {}, false),
  ];
  const questions = d.questions.map((q): InputText => ({
    type: 'Input.Text',
    id: q.inputId,
    ...labelled(q.text, q.required),
    isMultiline: true,
    maxLength: d.maxText,
    value: q.answer,
  }));
  const data = {
    campaignId: d.campaignId,
    unitId: d.unitId,
    version: d.version,
    ...(d.halfYear ? { planVersion: d.planVersion, handlingIds: d.actionIds } : {}),
    // What rows offered no choice (over the budget) served, so sending the form keeps it.
    ...(d.halfYear && servesRows < d.actions.length
      ? { handlingMalUt: d.actions.map((a, i) => (i < servesRows ? '' : a.serves)) }
      : {}),
  };
  return adaptiveCard(
    [
      heading(d.title),
      textBlock(d.intro, { wrap: true }),
      ...notice(d.notice, d.noticeColor),
      small(d.labels.requiredNote),
      ...(d.halfYear ? halfYear : questions),
      // A refused save's reasons again where the person pressed the button: at the bottom.
      ...notice(d.notice, d.noticeColor).map((block) => ({ ...block, separator: true })),
    ],
    [
      ...when(d.showDraft, execute(d.labels.saveDraft, 'rapport-lagre', data)),
      execute(d.submitTitle, 'rapport-send', data, { style: 'positive' }),
      // Leaving sends no input, so the client checks none.
      ...when(
        d.showCancel,
        execute(
          d.labels.cancel,
          'rapport-avbryt',
          { campaignId: d.campaignId, unitId: d.unitId },
          { associatedInputs: 'none' },
        ),
      ),
    ],
  );
}

export function summaryCard(d: ReportSummaryCardData): AdaptiveCard {
  const data = { campaignId: d.campaignId, unitId: d.unitId };
  return {
    ...adaptiveCard(
      [
        heading(d.title),
        textBlock(d.status, { wrap: true, color: d.statusColor }),
        ...notice(d.notice, 'Attention'),
        // Stacked text rather than a FactSet: a FactSet squeezes long titles into a narrow column
        // that is unreadable at phone width.
        ...d.entries.map((e) =>
          container(
            [
              textBlock(e.title, { weight: 'Bolder', wrap: true }),
              textBlock(e.value, { wrap: true, spacing: 'None' }),
              ...when(
                e.note,
                textBlock(e.note, { wrap: true, isSubtle: true, size: 'Small', spacing: 'None' }),
              ),
            ],
            { spacing: 'Medium' },
          ),
        ),
        ...when(
          d.signGroups.length > 0,
          textBlock(d.signsHeading, { weight: 'Bolder', size: 'Medium', wrap: true, separator: true }),
        ),
        ...d.signGroups.flatMap((group) => [
          textBlock(group.heading, { weight: 'Bolder', wrap: true, spacing: 'Medium' }),
          ...group.signs.map((sign) =>
            container(
              [
                textBlock(sign.text, { wrap: true }),
                textBlock(sign.answer, { wrap: true, weight: 'Bolder', spacing: 'None' }),
                ...when(sign.comment, textBlock(sign.comment, { wrap: true, spacing: 'None' })),
              ],
              { spacing: 'Small' },
            ),
          ),
        ]),
        small(d.editNote),
      ],
      d.showEdit ? [execute(d.edit, 'rapport-endre', data)] : [],
    ),
    // Teams refreshes the card for these users alone (at most 60), who then get «Endre».
    ...refreshFor(d.refreshUserIds, d.edit, 'rapport-vis', data),
  };
}
