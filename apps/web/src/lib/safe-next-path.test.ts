import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/submit')).toBe('/submit');
    expect(safeNextPath('/datasets/mnist?x=1#top')).toBe('/datasets/mnist?x=1#top');
    expect(safeNextPath(['/account', '/other'])).toBe('/account');
    expect(safeNextPath('/models/x?q=%E3%80%82')).toBe('/models/x?q=%E3%80%82');
  });

  it('sends everything else home', () => {
    for (const value of [
      undefined,
      null,
      '',
      'submit',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      `/${'x'.repeat(600)}`,
      '/\u3002x',
      '/caf\u00e9',
      '/a b',
    ]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });
});
