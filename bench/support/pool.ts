/** Runs `work` over `items`, `width` at a time. */
export async function pool<T>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
