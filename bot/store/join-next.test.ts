import { describe, expect, it } from 'vitest';
import { joinNext } from './join-next.js';

/** A run whose turns the test ends one by one. */
function heldTurns() {
  const turns: { batch: readonly number[]; end: (error?: Error) => void }[] = [];
  const run = (batch: readonly number[]) =>
    new Promise<number>((resolve, reject) =>
      turns.push({ batch, end: (error) => (error ? reject(error) : resolve(batch.length)) }),
    );
  return { turns, run };
}

describe('joinNext', () => {
  it('starts the first item at once and runs those that came meanwhile together in the next turn', async () => {
    const { turns, run } = heldTurns();
    const add = joinNext(run);
    const first = add('k', 1);
    const rest = [add('k', 2), add('k', 3)];
    expect(turns.map((t) => t.batch)).toEqual([[1]]);
    turns[0]!.end();
    expect(await first).toBe(1);
    await expect.poll(() => turns.length).toBe(2);
    expect(turns[1]!.batch).toEqual([2, 3]);
    turns[1]!.end();
    expect(await Promise.all(rest)).toEqual([2, 2]);
  });

  it('runs other keys independently, and gives a failed turn’s error to its items only', async () => {
    const { turns, run } = heldTurns();
    const add = joinNext(run);
    const a = add('a', 1);
    const b = add('b', 2);
    expect(turns.map((t) => t.batch)).toEqual([[1], [2]]);
    turns[0]!.end(new Error('a failed'));
    turns[1]!.end();
    await expect(a).rejects.toThrow('a failed');
    expect(await b).toBe(1);
  });

  it('leaves an item that does not fit for a later turn', async () => {
    const { turns, run } = heldTurns();
    const add = joinNext(run, (batch, item) => !batch.includes(item));
    const first = add('k', 1);
    const rest = [add('k', 2), add('k', 2), add('k', 3)];
    turns[0]!.end();
    await first;
    await expect.poll(() => turns.length).toBe(2);
    expect(turns[1]!.batch).toEqual([2, 3]);
    turns[1]!.end();
    await expect.poll(() => turns.length).toBe(3);
    expect(turns[2]!.batch).toEqual([2]);
    turns[2]!.end();
    await Promise.all(rest);
  });
});
