import { describe, expect, it } from 'vitest';
import { wantsJson } from './wants-json.ts';

describe('wantsJson', () => {
  it('answers browsers navigating with a form post with HTML', () => {
    expect(wantsJson('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
  });

  it('answers scripts with JSON', () => {
    expect(wantsJson('application/json')).toBe(true);
    expect(wantsJson('*/*')).toBe(true);
    expect(wantsJson(null)).toBe(true);
  });
});
