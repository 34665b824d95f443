import { describe, expect, it } from 'vitest';
import { isMoved, rankMove } from './rank-move.ts';

describe('rankMove', () => {
  it('names every kind of move', () => {
    expect(rankMove(3, 1)).toBe('up');
    expect(rankMove(1, 3)).toBe('down');
    expect(rankMove(2, 2)).toBe('unchanged');
    expect(rankMove(null, 4)).toBe('entered');
    expect(rankMove(4, null)).toBe('left');
    expect(rankMove(null, null)).toBe('off-board');
  });

  it('counts only visible changes as moves', () => {
    expect(['up', 'down', 'entered', 'left'].every((move) => isMoved(move as never))).toBe(true);
    expect(isMoved('unchanged')).toBe(false);
    expect(isMoved('off-board')).toBe(false);
  });
});
