import type { Db } from '../client.ts';
import type { Credential, Role } from '../generated/enums.ts';

export type SetUserRoleInput = {
  user: { email: string } | { id: string };
  role: Role;
  /** The admin who made the change, or null for the admin command and TENFOLD_ADMIN_EMAIL. */
  actorId: string | null;
  /** The session or API token the admin acted with; absent outside a web request. */
  credential?: { kind: Credential; id: string };
  /** How the change was made, kept in the audit log ('admin command', 'admin page', ...). */
  source: string;
};

export type UserRoleView = { id: string; email: string; name: string; role: Role };

export type SetUserRoleResult =
  | { ok: true; user: UserRoleView; isChanged: boolean }
  | { ok: false; reason: 'not_found' };

const USER_FIELDS = { id: true, email: true, name: true, role: true } as const;

/**
 * Gives a user a role and records who did it in the audit log, in one transaction. Setting the
 * role a user already has changes nothing and logs nothing, so start-up can call it every time.
 * Emails are compared lower-cased, as better-auth stores them.
 */
export async function setUserRole(db: Db, input: SetUserRoleInput): Promise<SetUserRoleResult> {
  const where = 'email' in input.user ? { email: input.user.email.trim().toLowerCase() } : { id: input.user.id };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where, select: USER_FIELDS });
    if (!user) return { ok: false, reason: 'not_found' } as const;
    if (user.role === input.role) return { ok: true, user, isChanged: false } as const;
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: USER_FIELDS });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        credential: input.credential?.kind ?? null,
        credentialId: input.credential?.id ?? null,
        action: input.role === 'ADMIN' ? 'user.promote' : 'user.demote',
        targetType: 'User',
        targetId: user.id,
        reason: input.source,
        details: { email: user.email, from: user.role, to: input.role },
      },
    });
    return { ok: true, user: updated, isChanged: true } as const;
  });
}
