import { describe, expect, it } from 'vitest';
import { assignActionIds, localPlanProblems } from './local-plan.js';
import { actionsFromInput } from './report.js';

const action = (id: string, text = 'x') => ({ id, text, deadline: '2027-01-01', status: 'pågår' });

describe('local plan rules', () => {
  it('keeps known action ids, gives new and forged ones the next unused id, and never duplicates', () => {
    const known = [{ id: 'h1' }, { id: 'h4' }];
    expect(
      assignActionIds([action('h4'), action(''), action('h9'), action('h4')], known).map((a) => a.id),
    ).toEqual(['h4', 'h5', 'h6', 'h7']);
  });

  it('requires more the more final a save is', () => {
    const empty = {
      kartlegging: '',
      analyse: '',
      mal: '',
      actions: [{ text: 'Gjør noe', deadline: '', status: '' }],
    };
    expect(localPlanProblems(empty, 'draft')).toEqual([]);
    expect(localPlanProblems(empty, 'plan')).toEqual([
      { code: 'FIELD_REQUIRED', params: { field: { kind: 'action-deadline', n: 1 } } },
      { code: 'ACTION_STATUS_MISSING', params: { field: { kind: 'action-status', n: 1 } } },
    ]);
    expect(localPlanProblems({ ...empty, actions: [] }, 'report')).toContainEqual({
      code: 'PLAN_NO_ACTIONS',
      params: {},
    });
  });

  it('reads action rows from a card: rows with empty text are no actions, rows past the card are ignored', () => {
    const rows = actionsFromInput({
      handlingIds: ['h1', ''],
      handling_1: '',
      handling_2: ' Ny ',
      handlingFrist_2: '2027-01-01',
      handlingStatus_2: 'pågår',
      handling_3: 'utenfor kortet',
    });
    expect(rows).toEqual([{ id: '', text: 'Ny', deadline: '2027-01-01', status: 'pågår', responsible: '' }]);
  });
});
