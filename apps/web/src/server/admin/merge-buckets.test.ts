import { describe, expect, it } from 'vitest';
import type { HourBucket } from './get-queue-health.ts';
import { mergeBuckets, summariseBuckets } from './merge-buckets.ts';

const hour = (i: number, scored: number, modelFailures = 0, platformFailures = 0): HourBucket => ({
  start: new Date(Date.UTC(2026, 10, 29, i)),
  scored,
  modelFailures,
  platformFailures,
});

describe('mergeBuckets and summariseBuckets', () => {
  it('sums runs of hours and gives rates over what finished', () => {
    const hours = [hour(0, 1), hour(1, 2, 1), hour(2, 0, 0, 3), hour(3, 4), hour(4, 0)];
    expect(mergeBuckets(hours, 2)).toEqual([
      { start: hours[0]?.start, scored: 3, modelFailures: 1, platformFailures: 0 },
      { start: hours[2]?.start, scored: 4, modelFailures: 0, platformFailures: 3 },
      { start: hours[4]?.start, scored: 0, modelFailures: 0, platformFailures: 0 },
    ]);
    // 7 scored, 1 model and 3 platform failures: 11 finished over 5 hours.
    expect(summariseBuckets(hours)).toEqual({
      scored: 7,
      modelFailures: 1,
      platformFailures: 3,
      finished: 11,
      scoredPerHour: 7 / 5,
      modelFailureRate: 1 / 11,
      platformFailureRate: 3 / 11,
    });
    expect(summariseBuckets([hour(0, 0)])).toMatchObject({ modelFailureRate: null, platformFailureRate: null });
  });
});
