/**
 * The markdown subset a broadcast may use (what Teams' Adaptive Card TextBlocks render):
 * **bold**, _italic_ (or *italic*), [links](https://…), bulleted and numbered lists, line
 * breaks. Parsed into a small tree that is rendered as React elements; anything else stays text,
 * so React escapes it. Only https links become links.
 */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold' | 'italic'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] }
  | { readonly kind: 'break' };

export type Block =
  | { readonly kind: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

// Bold first, so `**` is never read as two italic stars; a link's text may itself be marked up.
const INLINE =
  /\*\*(?=\S)(.+?)\*\*|__(?=\S)(.+?)__|(?<![\w*])\*(?=[^\s*])(.+?)\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)_(?!\w)|\[([^\]\n]+)\]\((https:\/\/[^\s)]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    const [, bold, boldUnderscore, italicStar, italic, linkText, href] = match;
    if (bold ?? boldUnderscore) out.push({ kind: 'bold', children: parseInline((bold ?? boldUnderscore)!) });
    else if (italicStar ?? italic)
      out.push({ kind: 'italic', children: parseInline((italicStar ?? italic)!) });
    else out.push({ kind: 'link', href: href!, children: parseInline(linkText!) });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Paragraphs are separated by blank lines; lines inside one are kept as line breaks. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) {
      const children: Inline[] = [];
      paragraph.forEach((line, i) => {
        if (i > 0) children.push({ kind: 'break' });
        children.push(...parseInline(line));
      });
      blocks.push({ kind: 'paragraph', children });
      paragraph = [];
    }
    if (list) {
      blocks.push({ kind: 'list', ...list });
      list = undefined;
    }
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = !!numbered;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[1]!));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
