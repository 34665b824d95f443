import { describe, expect, it } from 'vitest';
import { findParetoFrontier } from './find-pareto-frontier.ts';

describe('findParetoFrontier', () => {
  it('keeps the points nothing cheaper beats, worked by hand', () => {
    const frontier = findParetoFrontier([
      { id: 'tiny', cost: 10, accuracy: 0.9 },
      { id: 'dominated', cost: 20, accuracy: 0.85 }, // tiny is cheaper and better
      { id: 'mid', cost: 50, accuracy: 0.97 },
      { id: 'twin', cost: 50, accuracy: 0.96 }, // same cost as mid, worse
      { id: 'big', cost: 1000, accuracy: 0.99 },
      { id: 'bigger', cost: 2000, accuracy: 0.99 }, // no better than big, costs more
    ]);
    expect([...frontier].sort()).toEqual(['big', 'mid', 'tiny']);
  });

  it('is empty for no points', () => {
    expect(findParetoFrontier([]).size).toBe(0);
  });
});
