import { describe, expect, it } from 'vitest';
import { decideOwnerAccess } from './decide-owner-access.ts';

const owner = { userId: 'u-owner', role: 'USER' } as const;
const other = { userId: 'u-other', role: 'USER' } as const;
const admin = { userId: 'u-admin', role: 'ADMIN' } as const;

describe('decideOwnerAccess', () => {
  it.each([
    ['owner', owner, true, 'allowed'],
    ['owner', owner, false, 'allowed'],
    ['admin', admin, true, 'allowed'],
    ['admin', admin, false, 'allowed'],
    ['another user', other, true, 'forbidden'],
    ['another user', other, false, 'not_found'],
  ] as const)('%s, public=%s: %s', (_, actor, isPublic, expected) => {
    expect(decideOwnerAccess(actor, { ownerId: 'u-owner', isPublic })).toBe(expected);
  });
});
