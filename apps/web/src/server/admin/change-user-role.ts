import 'server-only';
import { type Db, setUserRole, type UserRoleView } from '@tenfold/db';
import { z } from 'zod';
import { auditCredentialOf } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { type Refused, refuse } from '@/server/http/refusal';

export const changeUserRoleSchema = z.strictObject({
  role: z.enum(['admin', 'user'], 'Role is "admin" or "user".'),
});

export type ChangeUserRoleResult = { ok: true; user: UserRoleView } | Refused;

/**
 * An admin promotes or demotes someone else (logged in the audit log). Not themselves: the last
 * admin could lock everyone out; `npm run admin -- demote <email>` remains for that.
 */
export async function changeUserRole(
  db: Db,
  actor: Actor,
  userId: string,
  input: z.infer<typeof changeUserRoleSchema>,
): Promise<ChangeUserRoleResult> {
  if (actor.role !== 'ADMIN') return refuse(403, 'Only admins can change roles.');
  if (actor.userId === userId) {
    return refuse(409, 'You cannot change your own role; ask another admin.');
  }
  const result = await setUserRole(db, {
    user: { id: userId },
    role: input.role === 'admin' ? 'ADMIN' : 'USER',
    actorId: actor.userId,
    credential: auditCredentialOf(actor),
    source: 'admin page',
  });
  if (!result.ok) return refuse(404, 'No user with this id.');
  return { ok: true, user: result.user };
}
