import { describe, expect, it } from 'vitest';
import { planFixture } from '../../../tests/support/plan-fixture.js';
import type { PlanFile } from './plan-schema.js';
import { eventForParticipants, planForParticipants } from './participant-view.js';
import { validatePlan } from './validate-plan.js';

function withSourceNote(): PlanFile {
  const result = validatePlan(planFixture());
  if (!result.ok) throw new Error('fixture is invalid');
  const [first, ...rest] = result.plan.calendar;
  return {
    ...result.plan,
    calendar: [
      {
        ...first!,
        notes: ['Meld fra til rådgiver.'],
        sourceNotes: ['Datoen er en lørdag i kilden; beholdt som trykt.'],
      },
      ...rest,
    ],
  };
}

describe('planForParticipants', () => {
  it('leaves out the transcription notes and keeps the notes meant for participants', () => {
    const event = planForParticipants(withSourceNote()).calendar[0]!;
    expect(event.notes).toEqual(['Meld fra til rådgiver.']);
    expect(JSON.stringify(event)).not.toContain('trykt');
  });

  it('returns an event without transcription notes unchanged', () => {
    const event = withSourceNote().calendar[1]!;
    expect(eventForParticipants(event)).toBe(event);
  });
});
