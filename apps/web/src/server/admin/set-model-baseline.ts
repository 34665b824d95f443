import 'server-only';
import type { Db, Prisma } from '@tenfold/db';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';

/**
 * Marks a model as a baseline (a reference entry, badged on boards and charts) or not, with its
 * audit row. False when it already was in that state or does not exist.
 */
export async function setModelBaseline(
  db: Db,
  actor: Actor,
  modelId: string,
  isBaseline: boolean,
  audit: { reason: string | null; details?: Prisma.InputJsonObject },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.model.updateMany({
      where: { id: modelId, isBaseline: !isBaseline },
      data: { isBaseline },
    });
    if (count === 0) return false;
    await recordAuditEntry(tx, actor, {
      action: isBaseline ? 'model.baseline' : 'model.unbaseline',
      targetType: 'Model',
      targetId: modelId,
      reason: audit.reason,
      details: audit.details,
    });
    return true;
  });
}
