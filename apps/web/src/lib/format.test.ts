import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDate, formatPercent } from './format.ts';

describe('format', () => {
  it('shows accuracy as a percentage with two decimals', () => {
    expect(formatPercent(0.9812)).toBe('98.12%');
    expect(formatPercent(1)).toBe('100.00%');
    expect(formatPercent(0.123456, 1)).toBe('12.3%');
  });

  it('shows sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });

  it('shows counts and dates the same on every machine', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatDate(new Date('2026-03-04T23:30:00Z'))).toBe('4 Mar 2026');
  });
});
