import { describe, expect, it } from 'vitest';
import { checkCard } from '../../../tests/support/adaptive-card.js';
import { reminderTexts } from '../../i18n/reminders.js';
import { kulgMeeting } from '../../../tests/support/calendar-event.js';
import { agendaCallCard, formatDeadline } from './agenda-call-card.js';

const event = kulgMeeting;
const context = {
  event,
  programmeName: 'KULG',
  planKey: 'vestvagoy.2025-2026',
  publicUrl: 'https://planpuls.example',
  late: false,
  status: '',
  itemsOpen: true,
  itemDeadline: '2026-03-03',
};
type Card = { body: { text?: string }[]; actions: { title: string; verb?: string }[] };

describe('agendaCallCard', () => {
  it('names the meeting, its weekday and date, and the item deadline in Norwegian, with «Meld inn sak»', () => {
    const card = agendaCallCard(context, reminderTexts('nb')) as unknown as Card;
    expect(checkCard(card).problems).toEqual([]);
    const texts = card.body.map((b) => b.text);
    expect(texts[0]).toBe('Innmelding av saker til Ledermøte KULG');
    expect(texts).toContain('Frist for å melde inn saker: tirsdag 3. mars');
    expect(JSON.stringify(card)).toContain('Ledermøte KULG, tirsdag 24. mars 2026 (uke 13)');
    expect(card.actions.map((a) => [a.title, a.verb])).toEqual([
      ['Meld inn sak', 'sak-ny'],
      ['Åpne i Planpuls', undefined],
    ]);
  });

  it('speaks English when asked, and leaves out the button, the late note and the rule text when they do not apply', () => {
    const card = agendaCallCard({ ...context, itemsOpen: false }, reminderTexts('en')) as unknown as Card;
    expect(checkCard(card).problems).toEqual([]);
    expect(card.body.map((b) => b.text)).toEqual([
      'Call for agenda items: Ledermøte KULG',
      'Deadline for agenda items: Tuesday 3 March',
      reminderTexts('en').agendaCallIntro,
      undefined, // the FactSet
    ]);
    expect(card.actions.map((a) => a.title)).toEqual(['Open in Planpuls']);
  });

  it('shows the plan’s own wording of the deadline rule and a late note', () => {
    const ruled = {
      ...context,
      late: true,
      event: {
        ...event,
        rules: [{ kind: 'agenda-items-deadline' as const, daysBefore: 21, text: 'Senest 3 uker før.' }],
      },
    };
    const texts = (agendaCallCard(ruled, reminderTexts('nb')) as unknown as Card).body.map((b) => b.text);
    expect(texts).toContain('Senest 3 uker før.');
    expect(texts).toContain(reminderTexts('nb').late);
  });
});

describe('formatDeadline', () => {
  it('writes weekday, day and month without the year', () => {
    expect(formatDeadline('2026-10-20', reminderTexts('nb'))).toBe('tirsdag 20. oktober');
  });
});
