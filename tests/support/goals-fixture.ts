import { planFixture } from './plan-fixture.js';

/**
 * The fixture plan in format 2: two goals (one linked from a theme), a milestone dated by its
 * month with a reminder for the unit leaders (KULG's), one dated by its day, and one undated.
 */
export function goalsPlanFixture(): Record<string, any> {
  const plan = planFixture();
  plan.version = 2;
  plan.goals = [
    { id: 'mal-1', label: 'Mål 1', text: 'Barn og unge får god omsorg', source: 'Oppvekstplanen' },
    { id: 'mal-2', text: 'Alle barn deltar i fellesskaper', source: 'Utviklingsplanen' },
  ];
  plan.themes[0].servesGoals = ['mal-2'];
  plan.milestones = [
    {
      id: 'evaluering',
      month: '2021-04',
      title: 'Første evaluering av planen',
      programme: 'kulg',
      responsible: ['enhetsledere'],
      responsibleText: 'Enhetsledere',
      reminder: { daysBefore: 7 },
      sourceNotes: ['Bare måneden er oppgitt.'],
    },
    { id: 'lokal-plan', date: '2020-08-17', title: 'Lokal plan klar', responsible: ['enhetsledere'] },
    { id: 'tidsressurser', title: 'Oversikt over tidsressurser', responsible: ['enhetsledere'] },
  ];
  return plan;
}
