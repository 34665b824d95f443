import 'server-only';
import type { Db, Role } from '@tenfold/db';

export type UserListEntry = { id: string; name: string; email: string; role: Role; createdAt: Date; models: number };

/** Admins first, then by sign-up date; enough for the minimal admin page (the console comes later). */
export async function listUsers(db: Db, limit = 500): Promise<UserListEntry[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, name: true, email: true, role: true, createdAt: true, _count: { select: { models: true } } },
  });
  return users.map(({ _count, ...user }) => ({ ...user, models: _count.models }));
}
