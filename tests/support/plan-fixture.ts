import { stringify } from 'yaml';

/** A small valid plan, as a plain object a test can break in one place. */
export function planFixture(): Record<string, any> {
  return {
    format: 'planpuls-plan',
    version: 1,
    id: 'testkommune',
    title: 'Testplan',
    municipality: 'Testkommune',
    sector: 'Oppvekst',
    schoolYear: '2020-2021',
    roles: [
      { id: 'kommunalsjef', name: 'Kommunalsjef' },
      { id: 'enhetsledere', name: 'Enhetsledere' },
    ],
    programmes: [
      { id: 'kulg', name: 'KULG', kind: 'ledergruppe', participants: ['kommunalsjef', 'enhetsledere'] },
      { id: 'lp', name: 'LP', kind: 'program' },
    ],
    units: [
      {
        id: 'leknes-skole',
        name: 'Leknes skole',
        type: 'skole',
        owner: 'kommunal',
        municipality: 'Vestvågøy',
        programmes: ['lp'],
      },
    ],
    themes: [{ id: 'tema-1', number: 1, title: 'Ledelse' }],
    futurePictures: [
      {
        id: 'ledelse',
        title: 'Ledelse',
        appliesTo: ['skole'],
        signs: [{ id: 'ledelse-01', text: 'Vi har en plan.' }],
      },
    ],
    periodTasks: [{ id: 'periode-01', from: '2020-05-01', to: '2020-06-30', text: 'Kompetansepakke' }],
    calendar: [
      {
        id: 'kulg-01',
        date: '2020-05-14',
        programme: 'kulg',
        title: 'Ledermøte KULG',
        slots: [{ start: '13:00', end: '15:00' }],
        location: 'Teams',
        reading: 'Les utkastet.',
        participants: ['kommunalsjef', 'enhetsledere'],
      },
      {
        id: 'lp-01',
        date: '2020-09-16',
        endDate: '2020-09-17',
        programme: 'lp',
        title: 'Nasjonale fagdager',
      },
      {
        id: 'kulg-02',
        date: '2021-01-03',
        programme: 'kulg',
        title: 'Søndagsmøte',
        notes: ['Søndag i kilden.'],
      },
    ],
  };
}

export function planYaml(plan: Record<string, any> = planFixture()): string {
  return stringify(plan);
}
