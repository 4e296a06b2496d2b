import type { ReportFormCardData, ReportSummaryCardData } from './report-cards.js';

/*
 * The form and the summary are built as plain objects rather than expanded from a template:
 * adaptivecards-templating took 30–150 ms of CPU per form (one expression is ~0.5 ms), which
 * queued up to seconds when 50 leaders pressed at once; these functions take well under 1 ms.
 * The shape is the one a template would have; tests parse every card with `adaptivecards`.
 */

const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
};

const heading = (text: string) => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
  style: 'heading',
});
const notice = (text: string, color: string) =>
  text ? [{ type: 'TextBlock', text, wrap: true, color, weight: 'Bolder' }] : [];

function execute(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: string,
  extra: Record<string, unknown> = {},
) {
  const payload = { verb, ...data };
  return {
    type: 'Action.Execute',
    title,
    verb,
    ...(style ? { style } : {}),
    ...extra,
    data: payload,
    fallback: { type: 'Action.Submit', title, data: payload },
  };
}

export function formCard(d: ReportFormCardData): Record<string, unknown> {
  // Teams checks `isRequired` before sending, for every button: a form with «Lagre utkast» would
  // then refuse an incomplete draft. There the label carries the mark and the server checks a
  // submit; the «Endre» form of a submitted report (no draft) lets the client check too.
  const clientChecks = !d.showDraft;
  const required = (label: string, errorMessage = d.labels.requiredError(label)) =>
    clientChecks ? { label, isRequired: true, errorMessage } : { label: `${label} *` };
  const text = (
    id: keyof ReportFormCardData['values'],
    label: string,
    extra: Record<string, unknown> = {},
    mandatory = true,
  ) => ({
    type: 'Input.Text',
    id,
    ...(mandatory ? required(label) : { label }),
    isMultiline: true,
    maxLength: d.maxText,
    value: d.values[id],
    ...extra,
  });
  const requiredNote = {
    type: 'TextBlock',
    text: d.labels.requiredNote,
    wrap: true,
    isSubtle: true,
    size: 'Small',
  };
  const halfYear = [
    { type: 'TextBlock', text: d.labels.elements, weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', text: d.planNote, wrap: true, isSubtle: true, size: 'Small' },
    text('kartlegging', d.labels.kartlegging),
    text('analyse', d.labels.analyse),
    text('mal', d.labels.mal),
    { type: 'TextBlock', text: d.labels.actionsHeading, weight: 'Bolder', wrap: true },
    {
      type: 'TextBlock',
      text: d.labels.actionsIntro(d.maxActions),
      wrap: true,
      isSubtle: true,
      size: 'Small',
    },
    ...d.actions.map((a, i) => {
      const deadline = d.labels.actionDeadline(i + 1);
      const status = d.labels.actionStatus(i + 1);
      return {
        type: 'Container',
        separator: true,
        items: [
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
                    ...(a.required ? required(deadline) : { label: deadline }),
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
                    ...(a.required ? required(status) : { label: status }),
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
        ],
      };
    }),
    { type: 'TextBlock', text: d.labels.signsHeading, weight: 'Bolder', wrap: true, separator: true },
    ...d.signs.flatMap((sign) => [
      ...(sign.heading ? [{ type: 'TextBlock', text: sign.heading, weight: 'Bolder', wrap: true }] : []),
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
  const questions = d.questions.map((q) => ({
    type: 'Input.Text',
    id: q.inputId,
    ...(q.required ? required(q.text) : { label: q.text }),
    isMultiline: true,
    maxLength: d.maxText,
    value: q.answer,
  }));
  const data = {
    campaignId: d.campaignId,
    unitId: d.unitId,
    version: d.version,
    ...(d.halfYear ? { planVersion: d.planVersion, handlingIds: d.actionIds } : {}),
  };
  return {
    ...CARD,
    body: [
      heading(d.title),
      { type: 'TextBlock', text: d.intro, wrap: true },
      ...notice(d.notice, d.noticeColor),
      requiredNote,
      ...(d.halfYear ? halfYear : questions),
      // A refused save's reasons again where the person pressed the button: at the bottom.
      ...notice(d.notice, d.noticeColor).map((block) => ({ ...block, separator: true })),
    ],
    actions: [
      ...(d.showDraft ? [execute(d.labels.saveDraft, 'rapport-lagre', data)] : []),
      execute(d.submitTitle, 'rapport-send', data, 'positive'),
      ...(d.showCancel
        ? [
            // Leaving sends no input, so the client checks none.
            execute(
              d.labels.cancel,
              'rapport-avbryt',
              { campaignId: d.campaignId, unitId: d.unitId },
              undefined,
              {
                associatedInputs: 'none',
              },
            ),
          ]
        : []),
    ],
  };
}

export function summaryCard(d: ReportSummaryCardData): Record<string, unknown> {
  const data = { campaignId: d.campaignId, unitId: d.unitId };
  return {
    ...CARD,
    // Teams refreshes the card for these users alone (at most 60), who then get «Endre».
    ...(d.refreshUserIds.length > 0
      ? {
          refresh: {
            action: {
              type: 'Action.Execute',
              title: d.edit,
              verb: 'rapport-vis',
              data: { verb: 'rapport-vis', ...data },
            },
            userIds: d.refreshUserIds,
          },
        }
      : {}),
    body: [
      heading(d.title),
      { type: 'TextBlock', text: d.status, wrap: true, color: 'Good' },
      ...notice(d.notice, 'Attention'),
      // Stacked text rather than a FactSet: a FactSet squeezes long titles into a narrow column
      // that is unreadable at phone width.
      ...d.entries.map((e) => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          { type: 'TextBlock', text: e.title, weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: e.value, wrap: true, spacing: 'None' },
          ...(e.note
            ? [
                {
                  type: 'TextBlock',
                  text: e.note,
                  wrap: true,
                  isSubtle: true,
                  size: 'Small',
                  spacing: 'None',
                },
              ]
            : []),
        ],
      })),
      ...(d.signGroups.length > 0
        ? [
            {
              type: 'TextBlock',
              text: d.signsHeading,
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              separator: true,
            },
          ]
        : []),
      ...d.signGroups.flatMap((group) => [
        { type: 'TextBlock', text: group.heading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
        ...group.signs.map((sign) => ({
          type: 'Container',
          spacing: 'Small',
          items: [
            { type: 'TextBlock', text: sign.text, wrap: true },
            { type: 'TextBlock', text: sign.answer, wrap: true, weight: 'Bolder', spacing: 'None' },
            ...(sign.comment ? [{ type: 'TextBlock', text: sign.comment, wrap: true, spacing: 'None' }] : []),
          ],
        })),
      ]),
      { type: 'TextBlock', text: d.editNote, wrap: true, isSubtle: true, size: 'Small' },
    ],
    actions: d.showEdit ? [execute(d.edit, 'rapport-endre', data)] : [],
  };
}
