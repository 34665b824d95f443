import { describe, expect, it } from 'vitest';
import { estimateEtaMs } from './estimate-eta.ts';

const base = { queuedAhead: 0, meanDurationMs: 2_000, parallelism: 2, elapsedMs: 0 };

describe('estimateEtaMs', () => {
  it('knows nothing before the first evaluation', () => {
    expect(estimateEtaMs({ ...base, status: 'QUEUED', meanDurationMs: null })).toBeNull();
  });

  it('counts down a running job, never below zero', () => {
    expect(estimateEtaMs({ ...base, status: 'RUNNING', elapsedMs: 500 })).toBe(1_500);
    expect(estimateEtaMs({ ...base, status: 'RUNNING', elapsedMs: 9_000 })).toBe(0);
  });

  it('lets the queue ahead go through every worker lane first', () => {
    expect(estimateEtaMs({ ...base, status: 'QUEUED', queuedAhead: 0 })).toBe(2_000);
    expect(estimateEtaMs({ ...base, status: 'QUEUED', queuedAhead: 3 })).toBe(4_000);
    expect(estimateEtaMs({ ...base, status: 'QUEUED', queuedAhead: 4 })).toBe(6_000);
    // No live worker reported: assume one lane rather than divide by zero.
    expect(estimateEtaMs({ ...base, status: 'QUEUED', queuedAhead: 3, parallelism: 0 })).toBe(8_000);
  });
});
