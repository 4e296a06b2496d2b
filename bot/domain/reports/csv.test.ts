import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('report CSV', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['æ', 1],
      ]),
    ).toBe('\uFEFFa,b\r\næ,1\r\n');
  });

  it('neutralises cells that begin with = + - or @', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x"]);
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });
});
