import { describe, expect, it } from 'vitest';
import { reportTexts } from '../../i18n/reports.js';
import { campaignCsv } from './campaign-csv.js';
import type { CampaignOverview, UnitStatus } from './overview.js';

const unit = (over: Partial<UnitStatus>): UnitStatus => ({
  unitId: 'leknes-skole',
  name: 'Leknes skole',
  type: 'skole',
  status: 'mangler',
  late: false,
  version: 0,
  savedAt: null,
  savedByName: null,
  submittedAt: null,
  asked: true,
  ...over,
});

const autumn: CampaignOverview = {
  id: '2026-H2',
  kind: 'halvår',
  title: 'Halvårsrapport høsten 2026',
  opens: '2026-12-01',
  deadline: '2026-12-15',
  responseRate: { submitted: 1, expected: 4, rate: 0.25 },
  byType: {},
  units: [
    unit({
      status: 'sendt',
      version: 2,
      savedAt: '2026-12-09T13:30:00.000Z',
      savedByName: 'Line Leder',
      submittedAt: '2026-12-09T13:30:00.000Z',
    }),
    unit({
      unitId: 'ballstad-barnehage',
      name: 'Ballstad barnehage',
      type: 'barnehage',
      status: 'utkast',
      version: 1,
      savedAt: '2026-12-08T07:05:00.000Z',
      savedByName: 'Åse Ødegård',
    }),
    unit({ unitId: 'gravdal-skole', name: 'Gravdal skole' }),
    unit({ unitId: 'ppt', name: 'PPT Vest-Lofoten', type: 'ppt', asked: false }),
  ],
  signs: [
    {
      signId: 'miljo-01',
      text: 'Alle barn har en voksen.',
      picture: 'Læringsmiljø',
      ja: 1,
      delvis: 0,
      nei: 0,
    },
  ],
  answers: [],
  unreached: [],
};

describe('one campaign as a CSV for Excel', () => {
  it('names units and people, says the state in words, and gives times on the Oslo clock', () => {
    const lines = campaignCsv(autumn, reportTexts('nb'), 'Europe/Oslo').split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      '\uFEFFEnhet;Type;Status;Etter fristen;Versjon;Sist lagret;Lagret av;Sendt inn;Enhet-id',
      'Leknes skole;Skole;Sendt inn;Nei;2;2026-12-09 14:30;Line Leder;2026-12-09 14:30;leknes-skole',
      'Ballstad barnehage;Barnehage;Utkast lagret;Nei;1;2026-12-08 08:05;Åse Ødegård;;ballstad-barnehage',
      'Gravdal skole;Skole;Ikke påbegynt;Nei;;;;;gravdal-skole',
      'PPT Vest-Lofoten;PPT;Ikke spurt;Nei;;;;;ppt',
    ]);
    expect(lines.slice(5)).toEqual([
      '',
      'Tegn på god praksis;Fremtidsbilde;Ja;Delvis;Nei;Tegn-id',
      'Alle barn har en voksen.;Læringsmiljø;1;0;0;miljo-01',
      '',
    ]);
  });

  it('is in English for a person who chose English', () => {
    const lines = campaignCsv(autumn, reportTexts('en'), 'Europe/Oslo').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFUnit;Type;Status;After deadline;Version;Last saved;Saved by;Submitted;Unit id',
    );
    expect(lines.slice(1, 5).map((l) => l.split(';')[2])).toEqual([
      'Submitted',
      'Draft saved',
      'Not started',
      'Not asked',
    ]);
  });

  it('lists a request’s answers by unit name, quoted and neutralised', () => {
    const request: CampaignOverview = {
      ...autumn,
      id: 'sporreundersokelse',
      kind: 'forespørsel',
      units: [unit({ status: 'sendt', version: 1 })],
      signs: [],
      answers: [
        { unitId: 'leknes-skole', questionId: 'q1', question: 'Hvem; og når?', answer: '=HYPERLINK("x")' },
      ],
    };
    const lines = campaignCsv(request, reportTexts('nb'), 'Europe/Oslo').split('\r\n');
    expect(lines.slice(2)).toEqual([
      '',
      'Enhet;Spørsmål;Svar;Enhet-id',
      `Leknes skole;"Hvem; og når?";"'=HYPERLINK(""x"")";leknes-skole`,
      '',
    ]);
  });
});
