import { stringify } from 'yaml';
import { planFixture } from '../../support/plan-fixture.js';

/** Monday 2026-11-23, the tab tests' "today" (week 48). */
export const TODAY = '2026-11-23';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A school year 2026–2027 plan for the tab: programmes with a network inside one, units of
 * several types, future pictures with signs, and `weeks` weeks of meetings from August, one
 * KULG meeting today with every detail the event view shows.
 */
export function tabPlan(weeks = 40): Record<string, any> {
  const base = planFixture();
  const calendar: Record<string, any>[] = [
    {
      id: 'kulg-today',
      date: TODAY,
      programme: 'kulg',
      title: 'Ledermøte KULG i dag',
      slots: [
        { start: '09:00', end: '11:30', label: 'Del 1' },
        { start: '12:15', end: '14:00' },
      ],
      location: 'Rådhuset, møterom Lofoten',
      reading: 'Les kapittel 3 i temaplanen.',
      participants: ['kommunalsjef', 'enhetsledere'],
      rules: [
        { kind: 'agenda-items-deadline', daysBefore: 21 },
        { kind: 'agenda-publish', daysBefore: 7 },
      ],
      notes: ['Meld fra til rådgiver.'],
      sourceNotes: ['Trykt som uke 47; beholdt som trykt.'],
    },
  ];
  for (let i = 0; i < weeks; i++) {
    const monday = addDays('2026-08-17', i * 7);
    calendar.push({
      id: `lp-${i + 1}`,
      date: addDays(monday, 2),
      programme: 'lp',
      title: `LP-samling ${i + 1}`,
    });
    if (i % 2 === 0) {
      calendar.push({
        id: `ibsm-${i + 1}`,
        date: addDays(monday, 3),
        programme: 'ibsm-kjernenettverk',
        title: `Kjernenettverk IBSM ${i + 1}`,
        slots: [{ start: '12:00', end: '15:00' }],
      });
    }
    if (i % 4 === 1) {
      calendar.push({
        id: `kulg-${i + 1}`,
        date: addDays(monday, 1),
        programme: 'kulg',
        title: `KULG ${i + 1}`,
        slots: [{ start: '13:00', end: '15:00' }],
      });
    }
  }
  return {
    ...base,
    schoolYear: '2026-2027',
    programmes: [
      ...base.programmes,
      { id: 'ibsm', name: 'IBSM', kind: 'program' },
      { id: 'ibsm-kjernenettverk', name: 'Kjernenettverk IBSM', kind: 'nettverk', parent: 'ibsm' },
    ],
    units: [
      ...base.units,
      {
        id: 'ballstad-barnehage',
        name: 'Ballstad barnehage',
        type: 'barnehage',
        owner: 'privat',
        municipality: 'Vestvågøy',
        programmes: ['ibsm'],
      },
      { id: 'ppt', name: 'PPT Vest-Lofoten', type: 'ppt', owner: 'kommunal', municipality: 'Vestvågøy' },
    ],
    futurePictures: [
      ...base.futurePictures,
      {
        id: 'laeringsmiljo',
        title: 'Trygt og godt læringsmiljø',
        appliesTo: ['skole', 'barnehage'],
        signs: [
          { id: 'miljo-01', text: 'Alle barn har en voksen de stoler på.' },
          { id: 'miljo-02', text: 'Vi griper inn mot krenkelser.' },
        ],
      },
    ],
    periodTasks: [],
    calendar,
  };
}

export function tabPlanYaml(weeks?: number): string {
  return stringify(tabPlan(weeks));
}
