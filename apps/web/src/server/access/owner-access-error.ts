import { type Refused, refuse } from '@/server/http/refusal';

/** The refusal for a denied OwnerAccess, worded for the kind of item. */
export function ownerAccessError(access: 'forbidden' | 'not_found', item: 'model' | 'submission'): Refused {
  return access === 'forbidden'
    ? refuse(403, `Only the ${item}'s owner or an admin can do this.`)
    : refuse(404, `No ${item} with this id.`);
}
