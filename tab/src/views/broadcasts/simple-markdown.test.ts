import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './simple-markdown';

const text = (t: string) => ({ kind: 'text', text: t });

describe('the broadcast markdown subset', () => {
  it('reads bold, italic and https links, keeping everything else as text', () => {
    expect(parseInline('Les **utkastet** _nå_, se [veilederen](https://example.org/v).')).toEqual([
      text('Les '),
      { kind: 'bold', children: [text('utkastet')] },
      text(' '),
      { kind: 'italic', children: [text('nå')] },
      text(', se '),
      { kind: 'link', href: 'https://example.org/v', children: [text('veilederen')] },
      text('.'),
    ]);
  });

  it('leaves HTML, other links and unclosed marks as plain text', () => {
    expect(parseInline('<b>x</b> [lenke](javascript:alert(1)) **åpen')).toEqual([
      text('<b>x</b> [lenke](javascript:alert(1)) **åpen'),
    ]);
    expect(parseInline('snake_case_name og 2 * 3 * 4')).toEqual([text('snake_case_name og 2 * 3 * 4')]);
  });

  it('makes lists of - and 1. lines, and line breaks of the lines of a paragraph', () => {
    expect(parseMarkdown('Hei\nalle\n\n- en\n- *to*\n1. tre')).toEqual([
      { kind: 'paragraph', children: [text('Hei'), { kind: 'break' }, text('alle')] },
      { kind: 'list', ordered: false, items: [[text('en')], [{ kind: 'italic', children: [text('to')] }]] },
      { kind: 'list', ordered: true, items: [[text('tre')]] },
    ]);
  });
});
