import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../bot/domain/conversations/conversation-ref.js';
import { emptyContent, type Report } from '../bot/domain/reports/report.js';
import type { LocalPlan } from '../bot/domain/reports/local-plan.js';
import { createTableInstallations } from '../bot/store/table-installations.js';
import { createTableUnitPlans } from '../bot/store/table-reports.js';
import { freshTables } from './support/storage.js';

// OData quotes string values with ' and doubles a ' inside them. The filters are built with the
// `odata` tag, which does both; these tests send values with a quote through the queries that
// filter on them, against real Azurite, and check they find exactly their rows: no error, no more.

const clock = { now: () => new Date('2026-12-03T10:00:00Z') };

const reference = (conversationId: string): ConversationRef => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/',
  conversation: { id: conversationId, conversationType: 'personal' },
  bot: { id: '28:planpuls' },
});

const report = (unitId: string, version: number, by: string): Report => ({
  campaignId: '2026-H2',
  unitId,
  status: 'utkast',
  version,
  content: { ...emptyContent(), kartlegging: by },
  savedBy: by,
  savedByName: by,
  savedAt: '2026-12-02T10:00:00Z',
});

const localPlan = (unitId: string, version: number): LocalPlan => ({
  unitId,
  version,
  kartlegging: '',
  analyse: '',
  mal: `mål ${version}`,
  actions: [],
  savedBy: "o'brien",
  savedByName: "Siobhán O'Brien",
  savedAt: '2026-12-02T10:00:00Z',
});

describe("stored values with a single quote (o'brien, real Azurite)", () => {
  it('lists the installations of a team and of a person whose ids hold a quote, and no others', async () => {
    const registry = createTableInstallations(freshTables().tables, clock);
    const team = "19:o'brien@thread.tacv2";
    await registry.record({
      conversationId: `${team};messageid=1`,
      kind: 'channel',
      teamId: team,
      reference: reference(`${team};messageid=1`),
    });
    await registry.record({
      conversationId: '19:obrien@thread.tacv2;messageid=2',
      kind: 'channel',
      teamId: '19:obrien@thread.tacv2',
      reference: reference('19:obrien@thread.tacv2;messageid=2'),
    });
    await registry.record({
      conversationId: "a:o'brien",
      kind: 'personal',
      userAadObjectId: "o'brien-0001",
      reference: reference("a:o'brien"),
    });

    expect((await registry.list({ teamId: team })).map((i) => i.conversationId)).toEqual([
      `${team};messageid=1`,
    ]);
    expect(
      (await registry.list({ userAadObjectId: "O'Brien-0001", kind: 'personal' })).map(
        (i) => i.conversationId,
      ),
    ).toEqual(["a:o'brien"]);
  });

  it("reads the report, local plan and their histories of unit o'brien, not those of unit obrien", async () => {
    const { reports, localPlans } = createTableUnitPlans(freshTables().tables);
    const unit = "o'brien";
    await reports.save(report(unit, 1, 'first'), undefined, {
      next: localPlan(unit, 1),
      previous: undefined,
    });
    await reports.save(report(unit, 2, 'second'), await reports.get('2026-H2', unit));
    await reports.save(report('obrien', 1, 'other unit'));

    const both = await reports.getWithPlan('2026-H2', unit);
    expect(both.report?.content.kartlegging).toBe('second');
    expect(both.localPlan?.mal).toBe('mål 1');
    expect((await reports.history('2026-H2', unit)).map((r) => r.savedBy)).toEqual(['first', 'second']);
    expect((await localPlans.history(unit)).map((p) => p.savedByName)).toEqual(["Siobhán O'Brien"]);
    expect((await reports.list('2026-H2')).map((r) => r.unitId).sort()).toEqual(["o'brien", 'obrien'].sort());
  });
});
