import 'server-only';
import { getBoardRanks } from '@tenfold/boards';
import { SCORER_VERSION } from '@tenfold/contract';
import { enqueueRescores } from '@tenfold/queue';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { type Refused, refuse } from '@/server/http/refusal';
import type { RescoreDeps } from './rescore-deps.ts';
import type { CreateRescoreBatchInput } from './rescore-selection.ts';
import { resolveRescoreSelection } from './resolve-rescore-selection.ts';

export type CreateRescoreBatchResult =
  | { ok: true; batchId: string; total: number; skipped: Record<string, number>; isQueued: boolean }
  | Refused;

/** Rows per INSERT: PostgreSQL takes at most 65,535 bind parameters per statement. */
const INSERT_CHUNK = 2_000;

/**
 * Starts a rescore batch: the SCORED submissions of the selection become QUEUED items carrying
 * their numbers before (accuracy of the evaluation in force, board position now), the batch, its
 * items and the audit row are written in one transaction, then the jobs are added in bulk at
 * rescore priority. If Redis fails after the commit, the worker's reconciler adds the jobs.
 */
export async function createRescoreBatch(
  deps: RescoreDeps,
  actor: Actor,
  input: CreateRescoreBatchInput,
): Promise<CreateRescoreBatchResult> {
  if (actor.role !== 'ADMIN') return refuse(403, 'Only admins can rescore.');
  const { db } = deps;
  const { selected, skipped } = await resolveRescoreSelection(db, input.selection);
  if (selected.length === 0) {
    const why = Object.entries(skipped).map(([reason, count]) => `${count} ${reason}`);
    return refuse(
      409,
      `Nothing to rescore: the selection holds no scored submission${why.length ? ` (${why.join(', ')})` : ''}.`,
      { details: { skipped } },
    );
  }
  const oldRanks = await getBoardRanks(
    db,
    selected.map((entry) => entry.dataset),
  );

  const { batchId, itemIds } = await db.$transaction(
    async (tx) => {
      const batch = await tx.rescoreBatch.create({
        data: {
          createdById: actor.userId,
          reason: input.reason,
          selection: { ...input.selection, skipped },
          total: selected.length,
          scorerVersion: SCORER_VERSION,
        },
        select: { id: true },
      });
      const ids: string[] = [];
      for (let start = 0; start < selected.length; start += INSERT_CHUNK) {
        const rows = await tx.rescoreItem.createManyAndReturn({
          data: selected.slice(start, start + INSERT_CHUNK).map((entry) => ({
            batchId: batch.id,
            submissionId: entry.submissionId,
            oldAccuracy: entry.oldAccuracy,
            oldRank: oldRanks.get(entry.submissionId) ?? null,
          })),
          select: { id: true },
        });
        ids.push(...rows.map((row) => row.id));
      }
      await recordAuditEntry(tx, actor, {
        action: 'rescore.create',
        targetType: 'RescoreBatch',
        targetId: batch.id,
        reason: input.reason,
        details: { selection: input.selection, total: selected.length, skipped, scorerVersion: SCORER_VERSION },
      });
      return { batchId: batch.id, itemIds: ids };
    },
    { timeout: 60_000 },
  );

  let isQueued = true;
  try {
    await enqueueRescores(deps.queue, itemIds);
  } catch (error) {
    isQueued = false;
    console.warn(`[tenfold] rescore batch ${batchId}: jobs not queued yet, the reconciler will add them: ${error}`);
  }
  return { ok: true, batchId, total: selected.length, skipped, isQueued };
}
