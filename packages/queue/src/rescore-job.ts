import { z } from 'zod';

/** A rescore of one submission, as one item of an admin's rescore batch. */
export const RESCORE_ITEM_JOB = 'rescore-item';

/**
 * The payload names the RescoreItem, not the submission: the item carries the claim, the batch
 * and the numbers before, and the submission keeps its status (SCORED) throughout.
 */
export const rescoreJobSchema = z.object({
  rescoreItemId: z.string().min(1).max(64),
});

export type RescoreJob = z.infer<typeof rescoreJobSchema>;

/**
 * Its own job id space, so an item's job never collides with the submission's own scoring job
 * (whose id is the submission id). BullMQ refuses ':' in custom ids, hence the dash.
 */
export function rescoreJobId(rescoreItemId: string): string {
  return `rescore-${rescoreItemId}`;
}
