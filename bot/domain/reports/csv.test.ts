import { describe, expect, it } from 'vitest';
import { localDateTime } from '../calendar/local-date.js';
import { csvCell, EXCEL_SEPARATOR, toCsv } from './csv.js';

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

  it('separates with semicolons for Excel in a Norwegian locale, quoting cells that hold one', () => {
    expect(
      toCsv(
        [
          ['Enhet', 'Svar'],
          ['Leknes skole', 'Ja; men sent'],
        ],
        EXCEL_SEPARATOR,
      ),
    ).toBe('\uFEFFEnhet;Svar\r\nLeknes skole;"Ja; men sent"\r\n');
    expect(toCsv([['=1+1', 'a;b']], EXCEL_SEPARATOR)).toBe('\uFEFF\'=1+1;"a;b"\r\n');
  });

  it('gives times on the Oslo clock, in winter and in summer', () => {
    expect(localDateTime(new Date('2026-12-09T13:30:00Z'), 'Europe/Oslo')).toBe('2026-12-09 14:30');
    expect(localDateTime(new Date('2026-06-10T22:05:00Z'), 'Europe/Oslo')).toBe('2026-06-11 00:05');
  });
});
