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
