import 'server-only';
import { datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import type { z } from 'zod';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { imageTargetId } from '@/server/consensus/image-target';
import { type BulkOutcome, type BulkSummary, bulkActionSchema, summarise } from './bulk-action-input.ts';

/** agree: the label looks wrong to the admin too; dismiss: the label stands. Neither changes it. */
export const LABEL_FLAG_ACTIONS = ['agree', 'dismiss'] as const;

export const labelFlagReviewSchema = bulkActionSchema(LABEL_FLAG_ACTIONS, 'flag');
export type LabelFlagReviewInput = z.infer<typeof labelFlagReviewSchema>;

const OUTCOMES = { agree: 'agreed', dismiss: 'dismissed' } as const;

/**
 * Closes open label flags with the admin's conclusion. Each flag is one transaction: a
 * conditional update (still open) plus its audit row, so a flag reviewed meanwhile is skipped
 * and the log never claims a review that did not happen.
 */
export async function reviewLabelFlags(db: Db, actor: Actor, input: LabelFlagReviewInput): Promise<BulkSummary> {
  const results: BulkOutcome[] = [];
  const outcome = OUTCOMES[input.action];
  for (const id of new Set(input.ids)) {
    const flag = await db.labelFlag.findUnique({ where: { id }, select: { dataset: true, imageIndex: true } });
    if (!flag) {
      results.push({ id, outcome: 'skipped', message: 'no flag with this id' });
      continue;
    }
    const isChanged = await db.$transaction(async (tx) => {
      const { count } = await tx.labelFlag.updateMany({
        where: { id, reviewedAt: null },
        data: { reviewedAt: new Date(), reviewerId: actor.userId, reviewOutcome: outcome },
      });
      if (count === 0) return false;
      await recordAuditEntry(tx, actor, {
        action: `label-flag.${input.action}`,
        targetType: 'Image',
        targetId: imageTargetId(datasetIdFromEnum(flag.dataset), flag.imageIndex),
        reason: input.reason,
        details: { flagId: id },
      });
      return true;
    });
    results.push(
      isChanged ? { id, outcome: 'done', message: outcome } : { id, outcome: 'skipped', message: 'already reviewed' },
    );
  }
  return summarise(input.action, results);
}
