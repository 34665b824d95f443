import type { Db } from './client.ts';
import { Role } from './generated/enums.ts';

/** The system user anonymous uploads are attributed to until accounts land. */
export const COMMUNITY_USER = { email: 'community@tenfold.local', name: 'Community', role: Role.USER } as const;

/** Creates the community user, or resets its name and role; safe to run any number of times. */
export async function upsertCommunityUser(db: Db) {
  const { email, name, role } = COMMUNITY_USER;
  return db.user.upsert({ where: { email }, create: { email, name, role }, update: { name, role } });
}
