import {
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';

/** Word's own heading styles (Heading1…4), so Word builds the contents and screen readers navigate by them. */
const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

export const heading = (level: 1 | 2 | 3 | 4, text: string, options: IParagraphOptions = {}) =>
  new Paragraph({ ...options, text, heading: LEVELS[level - 1] });

export const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })] });

/** A paragraph in a table cell: no space after it, so rows stay tight. */
const cellText = (text: string, bold = false) =>
  new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold })] });

/** Text a person wrote, its line breaks kept as paragraphs. */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((line, i, all) => line.trim() !== '' || (i > 0 && i < all.length - 1))
    .map((line) => para(line));

/** The text width of an A4 page with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** A cell: text, or a row that spans the table (a sub-heading inside it). */
export type Cell = string | { text: string; span: number; bold?: boolean };

const cell = (content: Cell) =>
  typeof content === 'string'
    ? new TableCell({ children: [cellText(content)] })
    : new TableCell({ columnSpan: content.span, children: [cellText(content.text, !!content.bold)] });

/**
 * A full-width table whose first row is a header row (`w:tblHeader`): Word repeats it on every
 * page and screen readers announce each cell with its column's name. Rows never split across pages.
 */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): Table {
  // Even columns across the A4 text width, given rather than derived: deriving them costs the
  // library a second look-up of the table's section, which grows with the document.
  const column = Math.floor(TEXT_WIDTH / header.length);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: header.map(() => column),
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map(
          (text) =>
            new TableCell({
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' },
              children: [cellText(text, true)],
            }),
        ),
      }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map(cell) })),
    ],
  });
}
