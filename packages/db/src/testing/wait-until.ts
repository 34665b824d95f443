export type WaitUntilOptions = {
  /** Give up after this long; the default suits a loaded CI machine. */
  timeoutMs?: number;
  /** Pause between two looks. */
  intervalMs?: number;
  /** What was awaited, for the error; a function is called only on timeout (to add logs). */
  description?: string | (() => string);
};

/**
 * Looks again every `intervalMs` until `probe` answers something other than undefined, null or
 * false, and returns that answer; throws after `timeoutMs` with the description and the last
 * answer. The one way tests wait for another process, a worker or a clock: never a fixed sleep,
 * which is either too short on a loaded machine or wastes time on an idle one.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 60_000, intervalMs = 20, description = 'the condition' }: WaitUntilOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined && answer !== null && answer !== false) return answer;
    if (Date.now() > deadline) {
      const what = typeof description === 'function' ? description() : description;
      throw new Error(`Waited ${timeoutMs} ms for ${what}; it did not happen (last answer: ${String(answer)}).`);
    }
    await pause(intervalMs);
  }
}

/**
 * Waits a fixed time. Only for proving that something does NOT happen within `ms` (no late
 * write, no further poll); to wait for something, use waitUntil.
 */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
