import { Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { SignSummary, Tally } from '../domain/reports/half-year-summary.js';
import type { HalfYearDocumentTexts } from '../i18n/half-year-document.js';

/** Green, amber, red: the colours people read ja / delvis / nei by, dark enough for white labels. */
const COLORS = { ja: '2E7D32', delvis: 'B26A00', nei: 'C62828' } as const;

const add = (a: Tally, b: Tally): Tally => ({
  ja: a.ja + b.ja,
  delvis: a.delvis + b.delvis,
  nei: a.nei + b.nei,
});

/**
 * One picture's signs as a native Word bar chart (its data in the document, so Word's «Edit Data»
 * shows the numbers): per unit type, this period's answers and the previous period's, as shares
 * of ja / delvis / nei. The alt text says every number, for those who cannot see it.
 */
export function signChart(
  picture: string,
  signs: readonly SignSummary[],
  periods: { now: string; before: string | null },
  text: HalfYearDocumentTexts,
): Paragraph {
  const types = new Map<string, { now: Tally; before: Tally | null }>();
  for (const sign of signs)
    for (const row of sign.byType) {
      const sum = types.get(row.type) ?? {
        now: { ja: 0, delvis: 0, nei: 0 },
        before: row.before && { ja: 0, delvis: 0, nei: 0 },
      };
      types.set(row.type, {
        now: add(sum.now, row.now),
        before: sum.before && row.before ? add(sum.before, row.before) : null,
      });
    }
  const bars: { type: string; period: string; tally: Tally }[] = [];
  for (const [type, { now, before }] of types) {
    bars.push({ type: text.unitTypes[type] ?? type, period: periods.now, tally: now });
    if (before && periods.before)
      bars.push({ type: text.unitTypes[type] ?? type, period: periods.before, tally: before });
  }
  if (bars.every((b) => b.tally.ja + b.tally.delvis + b.tally.nei === 0))
    return new Paragraph({ text: text.noAnswers });
  // One level of labels, each saying its type and (with two periods) its period: Word's grouped
  // labels drew the period under every bar and cut the type names that stood beside them.
  const categories = bars.map((b) => (periods.before ? `${b.type}, ${b.period}` : b.type));
  const series = (['ja', 'delvis', 'nei'] as const).map((answer) => ({
    name: text.answers[answer] ?? answer,
    color: COLORS[answer],
    values: bars.map((b) => b.tally[answer]),
    // A label on a bar of nothing would sit on its neighbour's.
    pointLabels: bars.map((b) => (b.tally[answer] === 0 ? (false as const) : undefined)),
  }));
  return new Paragraph({
    keepNext: false,
    children: [
      new ChartRun({
        type: 'bar',
        stacking: 'percent',
        // The picture's name is in the heading above; the title says how to read the bars.
        title: periods.before ? text.chartTitle : text.chartTitleOne(periods.now),
        categories,
        series,
        // Word draws a bar chart's first category at the bottom: reversed, the first type reads first.
        categoryAxis: { reverseOrder: true },
        valueAxis: { numberFormat: '0%' },
        dataLabels: { value: true, font: { color: 'FFFFFF' } },
        legend: { position: 'bottom' },
        transformation: { width: 600, height: Math.min(900, 150 + 40 * bars.length) },
        altText: {
          name: `${picture}: ${text.chartTitle}`,
          description: text.chartAlt(
            picture,
            bars.map((b) => text.chartLine(b.type, b.period, b.tally.ja, b.tally.delvis, b.tally.nei)),
          ),
        },
      }),
    ],
  });
}
