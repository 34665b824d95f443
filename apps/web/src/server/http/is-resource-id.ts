/** Ids are cuids; anything else is answered 404 without asking the database. */
const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isResourceId(value: string): boolean {
  return RESOURCE_ID.test(value);
}
