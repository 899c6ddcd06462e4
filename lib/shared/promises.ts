// Waiting: for several reads at once, each answer under its own name; for a while.

/** Resolves after `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every property's promise awaited at once (as Promise.all): the answers under the same names. */
export async function allProperties<T extends Record<string, unknown>>(
  promises: {
    [K in keyof T]: Promise<T[K]> | T[K];
  },
): Promise<T> {
  const names = Object.keys(promises) as (keyof T)[];
  const answers = await Promise.all(names.map((name) => promises[name]));
  return Object.fromEntries(names.map((name, index) => [name, answers[index]])) as T;
}
