/** The refusal for a denied OwnerAccess, worded for the kind of item. */
export function ownerAccessError(access: 'forbidden' | 'not_found', item: 'model' | 'submission') {
  return access === 'forbidden'
    ? { ok: false as const, status: 403 as const, error: `Only the ${item}'s owner or an admin can do this.` }
    : { ok: false as const, status: 404 as const, error: `No ${item} with this id.` };
}
