import { describe, expect, it } from 'vitest';
import { agendaVersion, judgeItemChange } from './item-rights.js';

const item = { submittedBy: 'anne', status: 'submitted' as const };
const anne = { aadObjectId: 'ANNE', runsAgenda: false };

describe('who may change an agenda item', () => {
  it('lets the submitter change it until the deadline day, and not after', () => {
    expect(judgeItemChange(item, anne, '2026-11-19', '2026-11-19')).toEqual({ kind: 'allowed' });
    expect(judgeItemChange(item, anne, '2026-11-20', '2026-11-19')).toEqual({
      kind: 'too-late',
      deadline: '2026-11-19',
    });
  });

  it('lets whoever runs the agenda change any item at any time, and nobody else', () => {
    const coordinator = { aadObjectId: 'kari', runsAgenda: true };
    expect(judgeItemChange(item, coordinator, '2026-12-09', '2026-11-19')).toEqual({ kind: 'allowed' });
    expect(
      judgeItemChange(item, { aadObjectId: 'ola', runsAgenda: false }, '2026-11-01', '2026-11-19'),
    ).toEqual({ kind: 'not-yours' });
  });

  it('changes a withdrawn item no more', () => {
    const withdrawn = { ...item, status: 'withdrawn' as const };
    expect(
      judgeItemChange(withdrawn, { aadObjectId: 'kari', runsAgenda: true }, '2026-11-01', '2026-11-19'),
    ).toEqual({
      kind: 'withdrawn',
    });
  });
});

describe('the agenda version', () => {
  it('rises with every new item, every item change and publishing', () => {
    const before = agendaVersion([{ version: 1 }, { version: 3 }], false);
    expect(agendaVersion([{ version: 1 }, { version: 3 }, { version: 1 }], false)).toBeGreaterThan(before);
    expect(agendaVersion([{ version: 2 }, { version: 3 }], false)).toBeGreaterThan(before);
    expect(agendaVersion([{ version: 1 }, { version: 3 }], true)).toBeGreaterThan(before);
  });
});
