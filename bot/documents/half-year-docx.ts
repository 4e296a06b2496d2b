import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Packer,
  PageBreak,
  Paragraph,
  SectionType,
  TableOfContents,
  TextRun,
  type FileChild,
} from 'docx';
import type {
  HalfYearSummary,
  SignGroup,
  SignSummary,
  Tally,
  UnitSection,
} from '../domain/reports/half-year-summary.js';
import { servesChoices } from '../domain/reports/action-serves.js';
import { goalPlan } from '../domain/reports/plan-goals.js';
import type { HalfYearDocumentTexts } from '../i18n/half-year-document.js';
import { heading, para, paragraphs, table, type Cell } from './docx-parts.js';
import { signChart } from './sign-chart.js';

/**
 * The half-year report as a Word document for the political level: a front page, the contents,
 * a summary, the response rate and who did not report, the signs by goal (or by future picture)
 * with a chart each, and every unit's status and own text. Headings are Word's Heading 1–4 and
 * every table has a header row, so the contents build themselves and a screen reader can move by
 * heading and read each cell with its column. Pure: data in, the file's bytes out.
 */
/**
 * The units' part comes in continuous sections (no page break between them) of this many top-level
 * parts: the library looks for a table's section by scanning forward to the section's end, so one
 * section of 800 units cost seconds (quadratic), while short ones keep it linear.
 */
const PARTS_PER_SECTION = 400;

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.max(1, Math.ceil(list.length / size)) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );

export async function halfYearDocx(summary: HalfYearSummary, text: HalfYearDocumentTexts, made: string) {
  // Every section says the title at the top and «Side X av Y» at the foot: a printed page on its
  // own still says what it is part of, and a meeting can point to a page.
  const frame = {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: text.title(summary.campaign.id), size: 18, color: '595959' })],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                size: 18,
                children: [text.page[0], PageNumber.CURRENT, text.page[1], PageNumber.TOTAL_PAGES],
              }),
            ],
          }),
        ],
      }),
    },
  };
  const doc = new Document({
    creator: 'Planpuls',
    title: text.title(summary.campaign.id),
    description: text.subtitle(summary.plan.title, summary.plan.municipality),
    features: { updateFields: true },
    styles: {
      default: { document: { run: { language: { value: text.language === 'en' ? 'en-GB' : 'nb-NO' } } } },
    },
    sections: [
      { ...frame, children: frontPage(summary, text, made) },
      { ...frame, children: [...overview(summary, text), ...signs(summary, text)] },
      ...chunks(units(summary, text), PARTS_PER_SECTION).map((children, i) => ({
        ...frame,
        properties: { type: SectionType.CONTINUOUS },
        children:
          i === 0 ? [heading(1, text.unitsHeading, { pageBreakBefore: true }), ...children] : children,
      })),
    ],
  });
  return Packer.toBuffer(doc);
}

function frontPage(summary: HalfYearSummary, text: HalfYearDocumentTexts, made: string): FileChild[] {
  return [
    new Paragraph({ text: text.title(summary.campaign.id), heading: HeadingLevel.TITLE }),
    para(text.subtitle(summary.plan.title, summary.plan.municipality), { bold: true }),
    // «2026–2027» with an en dash, as the title and the plan write a span of years.
    para(`${summary.plan.sector} · ${summary.plan.schoolYear.replace(/^(\d{4})-(\d{4})$/, '$1–$2')}`),
    para(text.period(summary.campaign.opens, summary.campaign.deadline)),
    para(text.made(made)),
    para(text.audience, { italics: true }),
    new Paragraph({ children: [new PageBreak()] }),
    para(text.contents, { bold: true }),
    new TableOfContents(text.contents, { hyperlink: true, headingStyleRange: '1-3' }),
    para(text.contentsHint, { italics: true }),
  ];
}

const previousName = (summary: HalfYearSummary, text: HalfYearDocumentTexts) =>
  summary.previousCampaignId ? text.previousName(summary.previousCampaignId) : null;

function overview(summary: HalfYearSummary, text: HalfYearDocumentTexts): FileChild[] {
  const { now, before } = summary.totals;
  const previous = previousName(summary, text);
  const rate = summary.responseRate;
  return [
    heading(1, text.summary),
    para(text.summaryRate(rate.submitted, rate.expected)),
    para(
      text.summaryMissing(
        summary.missing.length,
        summary.missing.filter((m) => m.status === 'ikke-spurt').length,
      ),
    ),
    para(text.summarySigns(now.ja, now.delvis, now.nei)),
    para(
      before && previous
        ? text.summaryChange(previous, before.ja, before.delvis, before.nei)
        : text.noPrevious,
    ),
    heading(1, text.responseRate),
    table(text.rateHeader, [
      ...summary.byType.map((t) => [
        text.unitTypes[t.type] ?? t.type,
        String(t.submitted),
        String(t.expected),
        text.percent(t.submitted, t.expected),
      ]),
      [
        text.total,
        String(rate.submitted),
        String(rate.expected),
        text.percent(rate.submitted, rate.expected),
      ],
    ]),
    heading(2, text.missingHeading),
    summary.missing.length === 0
      ? para(text.noneMissing)
      : table(
          text.missingHeader,
          summary.missing.map((m) => [
            m.name,
            text.unitTypes[m.type] ?? m.type,
            // Whether Planpuls reached the unit is the tab's operational detail, not the council's.
            text.missingStatus[m.status] ?? m.status,
          ]),
        ),
  ];
}

const answered = (t: Tally) => t.ja + t.delvis + t.nei;

/** The change in counts; said in words where a side had no answers, so a gap does not read as a fall. */
function change(now: Tally, before: Tally | null, text: HalfYearDocumentTexts): string {
  if (!before || answered(before) === 0) return text.noChange;
  if (answered(now) === 0) return text.noAnswersNow;
  return `${text.signed(now.ja - before.ja)} / ${text.signed(now.delvis - before.delvis)} / ${text.signed(now.nei - before.nei)}`;
}

type Periods = { now: string; before: string | null };
type Picture = SignGroup['pictures'][number];

/**
 * The signs: by the plan's goals, grouped by the plan each goal comes from, or by future picture
 * when the plan has none. A picture's signs appear once, under the first goal they serve; a later
 * goal they also serve says where to find them rather than repeating the same tables and charts.
 */
function signs(summary: HalfYearSummary, text: HalfYearDocumentTexts): FileChild[] {
  const previous = previousName(summary, text);
  const periods = { now: text.previousName(summary.campaign.id), before: previous };
  const byGoal = summary.groupedBy === 'goal';
  const out: FileChild[] = [
    heading(1, byGoal ? text.signsByGoal : text.signsByPicture, { pageBreakBefore: true }),
    para(text.signsIntro(previous)),
  ];
  if (!byGoal) {
    for (const group of summary.groups)
      for (const picture of group.pictures)
        out.push(heading(2, picture.title), ...pictureParts(picture, periods, text));
    return out;
  }
  const goals = summary.groups.flatMap((g) => (g.kind === 'goal' && g.goal ? [{ ...g, goal: g.goal }] : []));
  const shownUnder = new Map<string, string>();
  for (const source of new Set(goals.map((g) => g.goal.source))) {
    const plan = goalPlan(source);
    const inSource = goals.filter((g) => g.goal.source === source);
    out.push(heading(2, text.goalsFrom(plan, source)), para(text.goalsSource(source), { italics: true }));
    for (const group of inSource.filter((g) => g.pictures.length > 0)) {
      const name = text.goalHeading(plan, source, group.goal.number);
      out.push(heading(3, name), para(group.goal.text));
      if (group.themes.length > 0)
        out.push(para(text.themes(group.themes.map((t) => `${t.number}. ${t.title}`).join(', '))));
      const earlier = new Map<string, string[]>();
      for (const picture of group.pictures) {
        const where = shownUnder.get(picture.title);
        if (where) earlier.set(where, [...(earlier.get(where) ?? []), picture.title]);
      }
      for (const [where, titles] of earlier) out.push(para(text.seeUnder(titles, where)));
      for (const picture of group.pictures.filter((p) => !shownUnder.has(p.title))) {
        shownUnder.set(picture.title, name);
        out.push(heading(4, picture.title), ...pictureParts(picture, periods, text));
      }
    }
    // Goals with nothing linked yet: one sentence, not a heading each with nothing under it.
    const empty = inSource.filter((g) => g.pictures.length === 0);
    if (empty.length > 0)
      out.push(para(text.noSignsGoals(empty.map((g) => ({ n: g.goal.number, text: g.goal.text })))));
  }
  const unlinked = summary.groups.find((g) => g.kind === 'unlinked');
  if (unlinked) {
    out.push(heading(2, text.unlinked));
    for (const picture of unlinked.pictures)
      out.push(heading(3, picture.title), ...pictureParts(picture, periods, text));
  }
  return out;
}

const heard = (row: SignSummary['byType'][number]) =>
  answered(row.now) > 0 || (row.before !== null && answered(row.before) > 0);

/**
 * One picture's chart and table, with only the unit types that answered in either period: a type
 * with no answers is said once («Ingen svar fra PPT»), not as a row of zeros under every sign.
 */
function pictureParts(picture: Picture, periods: Periods, text: HalfYearDocumentTexts): FileChild[] {
  const types = picture.signs[0]?.byType.map((r) => r.type) ?? [];
  const spoke = new Set(picture.signs.flatMap((s) => s.byType.filter(heard).map((r) => r.type)));
  if (spoke.size === 0) return [para(text.noAnswers)];
  const signs = picture.signs.map((s) => ({ ...s, byType: s.byType.filter((r) => spoke.has(r.type)) }));
  const out: FileChild[] = [signChart(picture.title, signs, periods, text)];
  const rows: Cell[][] = [];
  for (const sign of signs) {
    rows.push([{ text: sign.text, span: text.signHeader.length, bold: true }]);
    for (const row of sign.byType)
      rows.push([
        text.unitTypes[row.type] ?? row.type,
        String(row.now.ja),
        String(row.now.delvis),
        String(row.now.nei),
        change(row.now, row.before, text),
      ]);
  }
  out.push(table(text.signHeader, rows));
  // «barnehager eller PPT»: plural names in a sentence, an abbreviation kept in capitals.
  const silent = types
    .filter((t) => !spoke.has(t))
    .map((t) => text.unitTypesPlural[t] ?? t)
    .map((name) => (/^.[a-zæøå]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name));
  if (silent.length > 0) out.push(para(text.noAnswersFrom(silent), { italics: true }));
  return out;
}

function units(summary: HalfYearSummary, text: HalfYearDocumentTexts): FileChild[] {
  const out: FileChild[] = [];
  // What an action serves, named once for every unit: the goal as its heading above names it,
  // with the start of its text, so a reader need not look it up.
  const served = new Map(
    servesChoices(
      summary.served,
      { goal: text.goalWord, theme: text.themeWord, themes: '', goalLabel: text.goalHeading },
      70,
    ).map((c) => [c.value as string, c.title]),
  );
  let type: string | undefined;
  for (const unit of summary.units) {
    if (unit.type !== type) {
      type = unit.type;
      out.push(heading(2, text.unitTypesPlural[type] ?? type));
    }
    out.push(...unitPart(unit, summary.asOf, served, text));
  }
  return out;
}

function unitPart(
  unit: UnitSection,
  asOf: string,
  served: ReadonlyMap<string, string>,
  text: HalfYearDocumentTexts,
): FileChild[] {
  const out: FileChild[] = [heading(3, unit.name)];
  if (unit.status === 'sendt' && unit.submittedAt)
    out.push(para(text.unitSent(text.date(unit.submittedAt.slice(0, 10)), unit.late)));
  else out.push(para(unit.status === 'utkast' ? text.unitDraft : text.unitMissing, { bold: true }));
  out.push(para(text.actionsFrom[unit.actionsFrom] ?? ''));
  const a = unit.actions;
  if (unit.actionsFrom !== 'none')
    out.push(table(text.actionsHeader, [[a['ikke-startet'], a.pågår, a.fullført, a.overdue].map(String)]));
  const rows = (list: UnitSection['overdue']) =>
    list.map((x) => [
      x.text,
      x.deadline ? text.date(x.deadline) : '',
      text.statuses[x.status] ?? x.status,
      x.responsible ?? '',
      (x.serves && served.get(x.serves)) ?? '',
    ]);
  if (unit.overdue.length > 0) {
    out.push(para(text.overdueHeading(asOf), { bold: true }));
    out.push(table(text.overdueHeader, rows(unit.overdue)));
  }
  // The rest by deadline, so a reader sees what the unit is working on, not only how many.
  if (unit.others.length > 0) {
    out.push(para(text.othersHeading(unit.overdue.length > 0), { bold: true }));
    out.push(table(text.overdueHeader, rows(unit.others)));
  }
  if (unit.texts) {
    out.push(heading(4, text.ownText));
    for (const [field, value] of Object.entries(unit.texts)) {
      out.push(para(text.fields[field] ?? field, { bold: true }));
      out.push(...(value.trim() ? paragraphs(value) : [para(text.empty, { italics: true })]));
    }
    if (unit.comments.length > 0) {
      out.push(para(text.comments, { bold: true }));
      for (const c of unit.comments)
        out.push(para(`${c.sign} (${text.answers[c.answer] ?? c.answer}): ${c.comment}`));
    }
  }
  return out;
}
