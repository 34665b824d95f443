import { describe, expect, it } from 'vitest';
import { mcnemarTest } from './mcnemar-test.ts';

// Expected values computed independently with Python's math.comb and math.erfc.
describe('mcnemarTest', () => {
  it('uses the exact two-sided binomial test for few discordant images', () => {
    // 2 * (C(7,0) + C(7,1)) / 2^7 = 16 / 128
    expect(mcnemarTest(1, 6).method).toBe('exact');
    expect(mcnemarTest(1, 6).pValue).toBeCloseTo(0.125, 12);
    expect(mcnemarTest(6, 1).pValue).toBeCloseTo(0.125, 12);
    // 2 * sum_{i<=10} C(30,i) / 2^30
    expect(mcnemarTest(10, 20).pValue).toBeCloseTo(0.09873714670538902, 12);
    expect(mcnemarTest(0, 5).pValue).toBeCloseTo(0.0625, 12);
  });

  it('is 1 when the models disagree equally often or never', () => {
    expect(mcnemarTest(0, 0).pValue).toBe(1);
    expect(mcnemarTest(12, 12).pValue).toBe(1);
  });

  it('uses the continuity-corrected chi-square for many', () => {
    const result = mcnemarTest(60, 40);
    expect(result.method).toBe('chi-square');
    expect(result.statistic).toBeCloseTo(3.61, 12); // (|60 - 40| - 1)^2 / 100
    expect(result.pValue).toBeCloseTo(0.05743311963200359, 6); // erfc(sqrt(3.61 / 2))
    expect(mcnemarTest(500, 200).pValue).toBeLessThan(1e-20);
  });
});
