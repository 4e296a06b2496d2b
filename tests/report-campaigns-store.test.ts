import { describe, expect, it } from 'vitest';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import { createTableReportCampaigns } from '../bot/store/table-report-campaigns.js';
import { freshTables } from './support/storage.js';

const LEADER = '10000000-0000-0000-0000-000000000001';

describe('table report campaigns (real Azurite)', () => {
  it('keeps a campaign of a large municipality, whose request ids for 800 units pass one column’s 32 K characters', async () => {
    const store = createTableReportCampaigns(freshTables().tables);
    const requests = Object.fromEntries(
      Array.from({ length: 800 }, (_, i) => [`barnehage-${i}`, [`rapport-2026-H2-barnehage-${i}-${LEADER}`]]),
    );
    const campaign: Campaign = {
      id: '2026-H2',
      kind: 'halvår',
      title: 'Halvårsrapport høsten 2026',
      planKey: 'plan',
      opens: '2026-12-01',
      deadline: '2026-12-15',
      questions: [],
      openedBy: LEADER,
      openedAt: '2026-12-01T07:00:00.000Z',
      requests,
    };
    expect(JSON.stringify(campaign).length).toBeGreaterThan(32_768);
    await store.save(campaign);
    expect(await store.get('2026-H2')).toEqual(campaign);
    expect(await store.list()).toEqual([campaign]);
  });
});
