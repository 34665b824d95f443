import { describe, expect, it } from 'vitest';
import { CLASS_COUNT, summariseImage, tallyVotes, topVote } from './tally-votes.ts';

describe('tallyVotes', () => {
  it('adds and takes away one vote per image', () => {
    const votes = new Int32Array(3 * CLASS_COUNT);
    tallyVotes(votes, Uint8Array.of(1, 2, 9), 1);
    tallyVotes(votes, Uint8Array.of(1, 3, 9), 1);
    expect([votes[1], votes[CLASS_COUNT + 2], votes[CLASS_COUNT + 3], votes[2 * CLASS_COUNT + 9]]).toEqual([
      2, 1, 1, 2,
    ]);
    tallyVotes(votes, Uint8Array.of(1, 2, 9), -1);
    expect(votes.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(votes[CLASS_COUNT + 2]).toBe(0);
  });

  it('refuses predictions that are not classes or do not fit the table', () => {
    expect(() => tallyVotes(new Int32Array(CLASS_COUNT), Uint8Array.of(10), 1)).toThrow(/not a class/);
    expect(() => tallyVotes(new Int32Array(CLASS_COUNT), Uint8Array.of(1, 2), 1)).toThrow(/cannot take/);
  });
});

describe('summariseImage', () => {
  it('counts the right answers and picks the most common wrong one, the lower class on a tie', () => {
    expect(summariseImage(3, [0, 2, 0, 5, 0, 2, 0, 0, 0, 0])).toEqual({
      modelsCounted: 9,
      correctCount: 5,
      topWrongClass: 1,
      topWrongCount: 2,
    });
  });

  it('has no wrong answer when every model is right', () => {
    expect(summariseImage(0, [4, 0, 0, 0, 0, 0, 0, 0, 0, 0]).topWrongClass).toBeNull();
    expect(topVote([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ total: 0, topClass: null, topCount: 0 });
  });
});
