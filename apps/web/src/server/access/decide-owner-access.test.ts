import { describe, expect, it } from 'vitest';
import { decideOwnerAccess } from './decide-owner-access.ts';

const owner = { userId: 'u-owner', role: 'USER' } as const;
const other = { userId: 'u-other', role: 'USER' } as const;
const admin = { userId: 'u-admin', role: 'ADMIN' } as const;

describe('decideOwnerAccess', () => {
  it.each([
    ['owner', owner, 'allowed'],
    ['admin', admin, 'allowed'],
    ['another user', other, 'forbidden'],
  ] as const)('a visible entry, %s: %s', (_, actor, expected) => {
    expect(decideOwnerAccess(actor, { ownerId: 'u-owner' })).toBe(expected);
  });

  it.each([
    ['owner', owner],
    ['admin', admin],
    ['another user', other],
  ] as const)('an entry the viewer may not see (or none), %s: not_found', (_, actor) => {
    expect(decideOwnerAccess(actor, null)).toBe('not_found');
  });
});
