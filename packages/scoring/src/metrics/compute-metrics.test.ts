import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import { wilsonInterval } from './wilson-interval.ts';

describe('computeMetrics', () => {
  it('counts a hand-worked example', () => {
    // truth:     0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    const metrics = computeMetrics(Uint8Array.from([0, 0, 1, 1, 2, 2]), Uint8Array.from([0, 0, 0, 1, 1, 2]));
    expect(metrics.correct).toBe(4);
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 12);
    expect(metrics.confusionMatrix.slice(0, 3)).toEqual([2, 1, 0]);
    expect(metrics.confusionMatrix.slice(10, 13)).toEqual([0, 1, 1]);
    expect(metrics.perClassRecall.slice(0, 3)).toEqual([2 / 3, 1 / 2, 1]);
    expect(metrics.perClassPrecision.slice(0, 3)).toEqual([1, 1 / 2, 1 / 2]);
    expect(metrics.perClassF1[0]).toBeCloseTo(0.8, 12);
    expect(metrics.perClassRecall[9]).toBe(0);
  });

  it('refuses mismatched lengths and out-of-range classes', () => {
    expect(() => computeMetrics(new Uint8Array(2), new Uint8Array(3))).toThrow(/2 predictions for 3 labels/);
    expect(() => computeMetrics(Uint8Array.from([10]), Uint8Array.from([1]))).toThrow(/out of range/);
  });
});

describe('wilsonInterval', () => {
  it('returns the two roots of the score-test equation (p_hat - p)^2 = z^2 p (1 - p) / n', () => {
    const z = 1.959963984540054;
    for (const [successes, trials] of [
      [9800, 10000],
      [7, 10],
      [9999, 10000],
    ] as const) {
      const pHat = successes / trials;
      const [low, high] = wilsonInterval(successes, trials);
      for (const bound of [low, high]) {
        expect((pHat - bound) ** 2).toBeCloseTo((z * z * bound * (1 - bound)) / trials, 12);
      }
      expect(low).toBeLessThan(pHat);
      expect(high).toBeGreaterThan(pHat);
    }
  });

  it('stays inside [0, 1] at the extremes', () => {
    const [low, high] = wilsonInterval(10000, 10000);
    expect(high).toBe(1);
    expect(low).toBeGreaterThan(0.999);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
  });
});
