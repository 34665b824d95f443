import 'server-only';
import type { Prisma } from '@tenfold/db';
import type { Actor } from '@/server/auth/authenticate-request';
import { type AuditEntry, recordAuditEntry } from './record-audit-entry.ts';

/**
 * Owners manage their own entries freely; when an admin changes someone else's, the audit log
 * says who did what, in the same transaction as the change.
 */
export async function recordAdminAction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  ownerId: string,
  entry: AuditEntry,
): Promise<void> {
  if (actor.userId === ownerId) return;
  await recordAuditEntry(tx, actor, entry);
}
