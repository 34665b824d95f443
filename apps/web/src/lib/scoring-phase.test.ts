import { describe, expect, it } from 'vitest';
import { describeScoringPhase } from './scoring-phase.ts';

describe('describeScoringPhase', () => {
  it('names the contract check before any test image is scored', () => {
    expect(describeScoringPhase(0, 10_000)).toMatch(/^Checking the input contract on 300 training images/);
  });

  it('counts the test images while they are scored', () => {
    expect(describeScoringPhase(2_500, 10_000)).toBe('Scoring the 10,000 test images: 2,500 of 10,000 done');
  });

  it('names the shifted copy once every test image is scored', () => {
    expect(describeScoringPhase(10_000, 10_000)).toMatch(/checking the shifted copy/);
  });
});
