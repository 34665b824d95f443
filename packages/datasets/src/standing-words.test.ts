import { describe, expect, it } from 'vitest';
import { describePointDifference, formatPoints, formatRank } from './standing-words.ts';

describe('standing words', () => {
  it('writes a shared rank as "2 =" and a unique one as a bare number', () => {
    expect(formatRank(2, true)).toBe('2 =');
    expect(formatRank(3, false)).toBe('3');
  });

  it('writes differences in percentage points with a real minus sign', () => {
    expect(formatPoints(0.0125)).toBe('+1.25 pt');
    expect(formatPoints(-0.004)).toBe('−0.40 pt');
    expect(formatPoints(0.00001)).toBe('±0.00 pt');
  });

  it('says which way a difference goes in words, never a negative "lower"', () => {
    expect(describePointDifference(0.9856, 0.9896)).toBe('0.40 pt lower');
    expect(describePointDifference(0.9936, 0.9896)).toBe('0.40 pt higher');
    expect(describePointDifference(0.99, 0.99)).toBe('the same');
  });
});
