import { z } from 'zod';
import { isResourceId } from '@/server/http/is-resource-id';
import { MAX_BULK_IDS, MAX_REASON_LENGTH } from './admin-thresholds.ts';
import { ACTIONS_NEEDING_REASON } from './moderation-change.ts';

/**
 * `{ action, ids, reason }` for one bulk action over `noun`s: at most MAX_BULK_IDS ids, a reason
 * of at most MAX_REASON_LENGTH characters, required where the owner will be shown it.
 */
export function bulkActionSchema<const A extends readonly [string, ...string[]]>(actions: A, noun: string) {
  return z
    .strictObject({
      action: z.enum(actions, `action is one of: ${actions.join(', ')}.`),
      ids: z
        .array(z.string().refine(isResourceId, `is not a ${noun} id`))
        .min(1, `Select at least one ${noun}.`)
        .max(MAX_BULK_IDS, `At most ${MAX_BULK_IDS} ${noun}s at once: split the selection.`),
      reason: z
        .string()
        .trim()
        .max(MAX_REASON_LENGTH, `The reason is at most ${MAX_REASON_LENGTH} characters.`)
        .optional()
        .transform((value) => (value ? value : null)),
    })
    .refine((input) => !ACTIONS_NEEDING_REASON.has(input.action) || input.reason !== null, {
      path: ['reason'],
      message: 'Give a reason: the owner sees it.',
    });
}

export type BulkOutcome = { id: string; outcome: 'done' | 'skipped'; message: string };

/** An outcome as the admin reads it: the model's name and a link, not a bare id. */
export type NamedBulkOutcome = BulkOutcome & { name: string | null; href: string | null };

export type BulkSummary = { action: string; done: number; skipped: number; results: NamedBulkOutcome[] };

/**
 * `named`: the model name and page of each id that exists; unknown ids (and rows that are not a
 * model's, such as label flags) keep only their id.
 */
export function summarise(
  action: string,
  results: BulkOutcome[],
  named: ReadonlyMap<string, { name: string; href: string }> = new Map(),
): BulkSummary {
  const done = results.filter((result) => result.outcome === 'done').length;
  const withNames = results.map((result) => ({
    ...result,
    name: named.get(result.id)?.name ?? null,
    href: named.get(result.id)?.href ?? null,
  }));
  return { action, done, skipped: results.length - done, results: withNames };
}
