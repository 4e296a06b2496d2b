import { describe, expect, it } from 'vitest';
import { localPlanProblems } from '../domain/reports/local-plan.js';
import { problem } from '../domain/problems.js';
import { dateInWords, dateTimeInWords } from './dates.js';
import { problemsText } from './problems.js';
import { markdownProblems } from '../domain/agenda/markdown.js';

/** Moved from bot/domain/agenda/audience.test.ts: the rule now gives codes, said here in Norwegian. */
const said = (text: string) => problemsText(markdownProblems(text), 'nb');

describe('the domain’s refusals in words', () => {
  it('says a local plan’s problems in Norwegian as before, and in English', () => {
    const problems = localPlanProblems(
      { kartlegging: '', analyse: '', mal: '', actions: [{ text: 'Gjør noe', deadline: '', status: '' }] },
      'plan',
    );
    expect(problemsText(problems, 'nb')).toEqual([
      '«Frist for handling 1» må fylles ut.',
      '«Status for handling 1» må velges.',
    ]);
    expect(problemsText(problems, 'en')).toEqual([
      '«Deadline for action 1» must be filled in.',
      '«Status of action 1» must be chosen.',
    ]);
  });

  it('names the deadline of a late item in words with the weekday, in the person’s language', () => {
    const late = [problem('ITEM_LATE', { deadline: '2020-04-23' })];
    expect(problemsText(late, 'nb')).toEqual([
      'Fristen for å melde inn saker til dette møtet var torsdag 23. april 2020. Be koordinatoren om å ta saken inn.',
    ]);
    expect(problemsText(late, 'en')).toEqual([
      'The deadline for items for this meeting was Thursday 23 April 2020. Ask the coordinator to take the item in.',
    ]);
  });
});

describe('dates in words', () => {
  it('writes a date with its weekday, «tirsdag 15. desember 2026» and «Tuesday 15 December 2026»', () => {
    expect(dateInWords('2026-12-15', 'nb')).toBe('tirsdag 15. desember 2026');
    expect(dateInWords('2026-12-15', 'en')).toBe('Tuesday 15 December 2026');
  });

  it('writes an instant with weekday and time in the plan’s time zone', () => {
    expect(dateTimeInWords('2020-12-01T08:00:00Z', 'Europe/Oslo', 'nb')).toBe(
      'tirsdag 1. desember 2020 kl. 09:00',
    );
    expect(dateTimeInWords('2020-12-01T08:00:00Z', 'Europe/Oslo', 'en')).toBe(
      'Tuesday 1 December 2020 at 09:00',
    );
    expect(dateTimeInWords(undefined, 'Europe/Oslo', 'en')).toBe('');
  });
});

describe('simple markdown', () => {
  it('accepts bold, lists and https links, and names what Teams will not show', () => {
    expect(said('**Viktig**\n- punkt\n[lenke](https://example.org)')).toEqual([]);
    expect(said('# Tittel')).toHaveLength(1);
    expect(said('[lenke](http://example.org)')).toEqual([
      'Lenken «http://example.org» må begynne med https://.',
    ]);
    expect(said('**halv')).toHaveLength(1);
  });
});

describe('a broadcast that reaches nobody', () => {
  const unreached = [
    { reason: 'no-personal-chat', name: 'Koordinator' },
    { reason: 'no-linked-channel', name: 'IBSM' },
    { reason: 'not-installed', place: { kind: 'channel', team: 'Oppvekst' } },
  ];
  it('says who is left out and why, in Norwegian as before and in English', () => {
    const refusal = [problem('BROADCAST_REACHES_NOBODY', { unreached })];
    expect(problemsText(refusal, 'nb')).toEqual([
      'Meldingen når ingen: Koordinator har ikke Planpuls i en personlig chat ennå; IBSM har ingen koblet kanal; Planpuls er ikke lenger i Oppvekst › Generelt.',
    ]);
    expect(problemsText(refusal, 'en')).toEqual([
      'The message reaches nobody: Koordinator does not have Planpuls in a personal chat yet; IBSM has no linked channel; Planpuls is no longer in Oppvekst › General.',
    ]);
  });
});

describe('unanswered signs in a refused report', () => {
  const signs = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      problem('SIGN_UNANSWERED', { sign: `Tegn nummer ${i + 1} i planen.` }),
    );
  const mal = problem('FIELD_REQUIRED', { field: { kind: 'mal' } });
  const time = problem('FIELD_REQUIRED', { field: { kind: 'tidsressurser' } });

  it('counts twenty in one line instead of quoting each, keeping the other problems and the labels of the form', () => {
    expect(problemsText([mal, ...signs(20), time], 'nb')).toEqual([
      '«Mål» må fylles ut.',
      '20 tegn på god praksis er ikke besvart ennå (ja, delvis eller nei).',
      '«Tidsressurser til utviklingsarbeid» må fylles ut.',
    ]);
    expect(problemsText(signs(20), 'en')).toEqual([
      '20 signs of good practice are not answered yet (yes, partly or no).',
    ]);
  });

  it('still names each of a few', () => {
    expect(problemsText(signs(2), 'nb')).toEqual([
      'Tegnet «Tegn nummer 1 i planen.» må besvares.',
      'Tegnet «Tegn nummer 2 i planen.» må besvares.',
    ]);
  });
});
