import 'server-only';
import type { Credential, Prisma } from '@tenfold/db';
import type { Actor } from '@/server/auth/authenticate-request';

export type AuditTarget = 'Model' | 'Submission' | 'User' | 'RescoreBatch' | 'Queue' | 'Image';

export type AuditEntry = {
  /** Dotted verb, e.g. `submission.hide`, `rescore.create`: the audit page filters on it. */
  action: string;
  targetType: AuditTarget;
  targetId: string;
  /** The admin's why, shown to owners where the action affects their entries. */
  reason?: string | null;
  details?: Prisma.InputJsonValue;
};

/** The audit log's name for how the actor signed in. */
export function auditCredentialOf(actor: Actor): { kind: Credential; id: string } {
  return { kind: actor.via === 'token' ? 'TOKEN' : 'SESSION', id: actor.credentialId };
}

/**
 * Every admin action writes one row, in the same transaction as the change it describes, so the
 * log never claims something that did not happen nor misses something that did. It names the
 * session or token that acted, so a leaked credential's doings can be found and undone.
 */
export async function recordAuditEntry(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      credential: auditCredentialOf(actor).kind,
      credentialId: auditCredentialOf(actor).id,
      ...entry,
      reason: entry.reason ?? null,
    },
  });
}
