import type { Role } from '@tenfold/db';

export type OwnerAccess = 'allowed' | 'forbidden' | 'not_found';

/**
 * Visibility first, then permission. `item` is the entry as loaded through the visibility rule
 * (visibleSubmissionsWhere, visibleModelsWhere): null when it does not exist or the actor may not
 * see it, and both answer 'not_found' (404) for every method, so no refusal reveals that a
 * private, hidden or disqualified entry exists. An entry the actor can see may be changed by its
 * owner or an admin; anyone else is 'forbidden' (403). Admin rights come with a browser session
 * only: an API token's actor has role USER (authenticate-request.ts).
 */
export function decideOwnerAccess(
  actor: { userId: string; role: Role },
  item: { ownerId: string } | null,
): OwnerAccess {
  if (!item) return 'not_found';
  return actor.role === 'ADMIN' || actor.userId === item.ownerId ? 'allowed' : 'forbidden';
}
