import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age.ts';

describe('formatAge', () => {
  it('picks the unit a person would', () => {
    expect(formatAge(-5)).toBe('0 s');
    expect(formatAge(44_600)).toBe('45 s');
    expect(formatAge(12 * 60_000 + 10_000)).toBe('12 min');
    expect(formatAge(3 * 3_600_000)).toBe('3 h');
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatAge(52 * 3_600_000)).toBe('2 d 4 h');
    expect(formatAge(48 * 3_600_000)).toBe('2 d');
  });
});
