import { describe, expect, it } from 'vitest';
import { checkCard } from '../../../tests/support/adaptive-card.js';
import { agendaTexts } from '../../i18n/agenda.js';
import { renderAgendaCard } from './agenda-cards.js';

const view = {
  meeting: 'Ledermøte KULG',
  date: '2027-01-14',
  slots: [
    { start: '09:00', end: '11:30', label: 'Del 1' },
    { start: '12:15', end: '14:00' },
  ],
  location: 'Rådhuset, møterom Lofoten',
  items: [],
};

describe('renderAgendaCard', () => {
  it('says when and where the meeting is, in Norwegian', () => {
    const card = renderAgendaCard(agendaTexts('nb'), view);
    expect(checkCard(card).problems).toEqual([]);
    const facts = (card.body as { type: string; facts?: { title: string; value: string }[] }[]).find(
      (b) => b.type === 'FactSet',
    )?.facts;
    expect(facts).toEqual([
      { title: 'Tid', value: '09:00–11:30 Del 1, 12:15–14:00' },
      { title: 'Sted', value: 'Rådhuset, møterom Lofoten' },
    ]);
  });

  it('leaves out the time and place the plan does not give', () => {
    const card = renderAgendaCard(agendaTexts('nb'), { meeting: 'KULG', date: '2027-01-14', items: [] });
    expect(checkCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('FactSet');
  });
});
