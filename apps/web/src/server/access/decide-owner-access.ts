import type { Role } from '@tenfold/db';

export type OwnerAccess = 'allowed' | 'forbidden' | 'not_found';

/**
 * Owners and admins may change an item. Anyone else is refused with 403 when the item is public
 * anyway, and with 404 when it is not, so the refusal does not reveal that a private item exists.
 */
export function decideOwnerAccess(
  actor: { userId: string; role: Role },
  item: { ownerId: string; isPublic: boolean },
): OwnerAccess {
  if (actor.role === 'ADMIN' || actor.userId === item.ownerId) return 'allowed';
  return item.isPublic ? 'forbidden' : 'not_found';
}
