import 'server-only';
import type { Db } from '@tenfold/db';
import type { z } from 'zod';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { refreshImageConsensus } from '@/server/consensus/refresh-image-consensus';
import { type BulkOutcome, type BulkSummary, bulkActionSchema, summarise } from './bulk-action-input.ts';
import { MODERATION_ACTIONS, type ModerationAction, moderationChange } from './moderation-change.ts';
import { setModelBaseline } from './set-model-baseline.ts';

export const MODEL_BULK_ACTIONS = [...MODERATION_ACTIONS, 'baseline', 'unbaseline'] as const;

export const modelBulkSchema = bulkActionSchema(MODEL_BULK_ACTIONS, 'model');
export type ModelBulkInput = z.infer<typeof modelBulkSchema>;

async function moderateModel(db: Db, actor: Actor, id: string, action: ModerationAction, reason: string | null) {
  const change = moderationChange(action, reason, new Date());
  const isChanged = await db.$transaction(async (tx) => {
    const { count } = await tx.model.updateMany({ where: { ...change.precondition, id }, data: change.data });
    if (count === 0) return false;
    await recordAuditEntry(tx, actor, { action: `model.${action}`, targetType: 'Model', targetId: id, reason });
    return true;
  });
  return isChanged ? change.done : null;
}

/**
 * Hides, disqualifies or marks as baseline many models; a hidden or disqualified model takes all
 * its submissions off public view and the boards (public-submissions.ts). Each id is one
 * transaction with its audit row; the summary says what happened to each.
 */
export async function applyModelBulkAction(db: Db, actor: Actor, input: ModelBulkInput): Promise<BulkSummary> {
  const ids = [...new Set(input.ids)];
  const rows = await db.model.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const existing = new Set(rows.map((row) => row.id));
  const named = new Map(rows.map((row) => [row.id, { name: row.name, href: `/models/${row.id}` }]));
  const results: BulkOutcome[] = [];
  for (const id of ids) {
    if (!existing.has(id)) {
      results.push({ id, outcome: 'skipped', message: 'no model with this id' });
    } else if (input.action === 'baseline' || input.action === 'unbaseline') {
      const isBaseline = input.action === 'baseline';
      const isChanged = await setModelBaseline(db, actor, id, isBaseline, { reason: input.reason });
      results.push(
        isChanged
          ? { id, outcome: 'done', message: isBaseline ? 'now a baseline' : 'no longer a baseline' }
          : { id, outcome: 'skipped', message: isBaseline ? 'already a baseline' : 'not a baseline' },
      );
    } else {
      const message = await moderateModel(db, actor, id, input.action, input.reason);
      results.push(
        message
          ? { id, outcome: 'done', message }
          : { id, outcome: 'skipped', message: moderationChange(input.action, null, new Date()).skipped },
      );
    }
  }
  if (results.some((result) => result.outcome === 'done')) await refreshImageConsensus(db);
  return summarise(input.action, results, named);
}
