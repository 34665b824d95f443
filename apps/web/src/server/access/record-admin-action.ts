import 'server-only';
import type { Prisma } from '@tenfold/db';
import type { Actor } from '@/server/auth/authenticate-request';

type AdminAction = {
  action: string;
  targetType: 'Model' | 'Submission';
  targetId: string;
  details?: Prisma.InputJsonValue;
};

/**
 * Owners manage their own entries freely; when an admin changes someone else's, the audit log
 * says who did what, in the same transaction as the change.
 */
export async function recordAdminAction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  ownerId: string,
  entry: AdminAction,
): Promise<void> {
  if (actor.userId === ownerId) return;
  await tx.auditLog.create({ data: { actorId: actor.userId, ...entry } });
}
