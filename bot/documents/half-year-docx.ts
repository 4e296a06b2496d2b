import {
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  SectionType,
  TableOfContents,
  type FileChild,
} from 'docx';
import type { HalfYearSummary, SignGroup, Tally, UnitSection } from '../domain/reports/half-year-summary.js';
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
  const doc = new Document({
    creator: 'Planpuls',
    title: text.title(summary.campaign.id),
    description: text.subtitle(summary.plan.title, summary.plan.municipality),
    features: { updateFields: true },
    styles: {
      default: { document: { run: { language: { value: text.language === 'en' ? 'en-GB' : 'nb-NO' } } } },
    },
    sections: [
      { children: frontPage(summary, text, made) },
      { children: [...overview(summary, text), ...signs(summary, text)] },
      ...chunks(units(summary, text), PARTS_PER_SECTION).map((children, i) => ({
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
    para(`${summary.plan.sector} · ${summary.plan.schoolYear}`),
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
    para(text.summaryMissing(summary.missing.length)),
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
            text.missingStatus[m.status] ?? m.status,
            m.unreached ? text.unreached(m.unreached) : text.reached,
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

function signs(summary: HalfYearSummary, text: HalfYearDocumentTexts): FileChild[] {
  const previous = previousName(summary, text);
  const periods = { now: text.previousName(summary.campaign.id), before: previous };
  const byGoal = summary.groupedBy === 'goal';
  const out: FileChild[] = [
    heading(1, byGoal ? text.signsByGoal : text.signsByPicture, { pageBreakBefore: true }),
    para(text.signsIntro(previous)),
  ];
  summary.groups.forEach((group, i) => {
    out.push(heading(2, groupTitle(group, i, text)));
    if (group.themes.length > 0)
      out.push(para(text.themes(group.themes.map((t) => `${t.number}. ${t.title}`).join(', '))));
    if (group.kind === 'goal' && group.pictures.length === 0) out.push(para(text.noSigns));
    for (const picture of group.pictures) {
      // Under a goal each picture gets its own heading; grouped by picture, the group's is enough.
      if (byGoal) out.push(heading(3, picture.title));
      out.push(signChart(picture.title, picture.signs, periods, text));
      const rows: Cell[][] = [];
      for (const sign of picture.signs) {
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
    }
  });
  return out;
}

function groupTitle(group: SignGroup, _index: number, text: HalfYearDocumentTexts): string {
  // A goal as the plan labels it («Mål 1: …»): the plan's two goal lists number themselves apart.
  if (group.kind === 'goal') return group.title;
  if (group.kind === 'unlinked') return text.unlinked;
  return group.title;
}

function units(summary: HalfYearSummary, text: HalfYearDocumentTexts): FileChild[] {
  const out: FileChild[] = [];
  let type: string | undefined;
  for (const unit of summary.units) {
    if (unit.type !== type) {
      type = unit.type;
      out.push(heading(2, text.unitTypesPlural[type] ?? type));
    }
    out.push(...unitPart(unit, summary.asOf, text));
  }
  return out;
}

function unitPart(unit: UnitSection, asOf: string, text: HalfYearDocumentTexts): FileChild[] {
  const out: FileChild[] = [heading(3, unit.name)];
  if (unit.status === 'sendt' && unit.submittedAt)
    out.push(para(text.unitSent(text.date(unit.submittedAt.slice(0, 10)), unit.late)));
  else out.push(para(unit.status === 'utkast' ? text.unitDraft : text.unitMissing, { bold: true }));
  out.push(para(text.actionsFrom[unit.actionsFrom] ?? ''));
  const a = unit.actions;
  if (unit.actionsFrom !== 'none')
    out.push(table(text.actionsHeader, [[a['ikke-startet'], a.pågår, a.fullført, a.overdue].map(String)]));
  if (unit.overdue.length > 0) {
    out.push(para(text.overdueHeading(asOf), { bold: true }));
    out.push(
      table(
        text.overdueHeader,
        unit.overdue.map((x) => [
          x.text,
          text.date(x.deadline),
          text.statuses[x.status] ?? x.status,
          x.responsible ?? '',
        ]),
      ),
    );
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
