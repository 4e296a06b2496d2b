/**
 * Work done in turns, one at a time per key: the first item starts a turn at once; whoever comes
 * while a turn is under way waits and joins the next, so a burst of items takes a few turns
 * instead of one each. Every item of a turn gets that turn's result (or its error). `fits` tells
 * whether an item may join a turn already holding `batch`; one that may not waits a turn more
 * (the first item of a turn always fits, so every turn makes progress).
 */
export function joinNext<T, R>(
  run: (batch: readonly T[]) => Promise<R>,
  fits: (batch: readonly T[], item: T) => boolean = () => true,
): (key: string, item: T) => Promise<R> {
  type Waiting = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  const queues = new Map<string, Waiting[]>();

  const turns = async (key: string) => {
    for (let queue = queues.get(key)!; queue.length > 0; queue = queues.get(key)!) {
      const turn: Waiting[] = [];
      const items: T[] = [];
      const later: Waiting[] = [];
      for (const waiting of queue) {
        if (items.length > 0 && !fits(items, waiting.item)) later.push(waiting);
        else {
          turn.push(waiting);
          items.push(waiting.item);
        }
      }
      queues.set(key, later);
      try {
        const result = await run(items);
        for (const waiting of turn) waiting.resolve(result);
      } catch (error) {
        for (const waiting of turn) waiting.reject(error);
      }
    }
    queues.delete(key);
  };

  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      const queue = queues.get(key);
      if (queue) return void queue.push({ item, resolve, reject }); // the running turns take it
      queues.set(key, [{ item, resolve, reject }]);
      void turns(key);
    });
}
