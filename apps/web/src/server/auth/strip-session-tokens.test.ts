import { describe, expect, it } from 'vitest';
import { stripSessionTokens } from './strip-session-tokens.ts';

describe('stripSessionTokens', () => {
  it('drops every token, at any depth, and keeps the rest', () => {
    expect(
      stripSessionTokens({
        token: 'abc',
        user: { id: 'u1', name: 'Ada' },
        session: { token: 'abc', expiresAt: '2026-12-01' },
        sessions: [{ token: 'x', id: 's1' }],
      }),
    ).toEqual({ user: { id: 'u1', name: 'Ada' }, session: { expiresAt: '2026-12-01' }, sessions: [{ id: 's1' }] });
    expect(stripSessionTokens(null)).toBeNull();
    expect(stripSessionTokens({ status: true })).toEqual({ status: true });
  });
});
