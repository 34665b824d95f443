import { describe, expect, it } from 'vitest';
import { waitUntil } from './wait-until.ts';

describe('waitUntil', () => {
  it('returns the first answer that is not undefined, null or false, and keeps 0 and empty strings', async () => {
    const answers = [undefined, null, false, 0];
    expect(await waitUntil(() => answers.shift(), { intervalMs: 1 })).toBe(0);
    expect(await waitUntil(async () => '', { intervalMs: 1 })).toBe('');
  });

  it('says what it waited for, and the last answer, once the time is up', async () => {
    let looks = 0;
    const waiting = waitUntil(
      () => {
        looks += 1;
        return false;
      },
      { timeoutMs: 50, intervalMs: 5, description: () => `looks (${looks})` },
    );
    await expect(waiting).rejects.toThrow(
      /^Waited 50 ms for looks \(\d+\); it did not happen \(last answer: false\)\.$/,
    );
    expect(looks).toBeGreaterThan(2);
  });
});
