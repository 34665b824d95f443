import { describe, expect, it } from 'vitest';
import { defaultScoringThreads } from './default-scoring-threads.ts';

describe('defaultScoringThreads', () => {
  it('gives one job at a time every core', () => {
    expect(defaultScoringThreads(1, 2)).toBe(2);
    expect(defaultScoringThreads(1, 8)).toBe(8);
  });

  it('shares the cores among the jobs run at once, never below one thread', () => {
    expect(defaultScoringThreads(2, 8)).toBe(4);
    expect(defaultScoringThreads(3, 8)).toBe(2);
    expect(defaultScoringThreads(4, 2)).toBe(1);
  });
});
