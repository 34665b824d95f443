import type { HourBucket } from './get-queue-health.ts';

/** Sums consecutive runs of `size` buckets (e.g. hours into 6-hour blocks), oldest first. */
export function mergeBuckets(buckets: HourBucket[], size: number): HourBucket[] {
  const merged: HourBucket[] = [];
  for (let i = 0; i < buckets.length; i += size) {
    const run = buckets.slice(i, i + size);
    const first = run[0];
    if (!first) break;
    merged.push({
      start: first.start,
      scored: run.reduce((sum, b) => sum + b.scored, 0),
      modelFailures: run.reduce((sum, b) => sum + b.modelFailures, 0),
      platformFailures: run.reduce((sum, b) => sum + b.platformFailures, 0),
    });
  }
  return merged;
}

/** Totals and failure rates over a window, for the numbers beside the charts. */
export function summariseBuckets(buckets: HourBucket[]) {
  const scored = buckets.reduce((sum, b) => sum + b.scored, 0);
  const modelFailures = buckets.reduce((sum, b) => sum + b.modelFailures, 0);
  const platformFailures = buckets.reduce((sum, b) => sum + b.platformFailures, 0);
  const finished = scored + modelFailures + platformFailures;
  return {
    scored,
    modelFailures,
    platformFailures,
    finished,
    scoredPerHour: scored / Math.max(1, buckets.length),
    modelFailureRate: finished ? modelFailures / finished : null,
    platformFailureRate: finished ? platformFailures / finished : null,
  };
}
