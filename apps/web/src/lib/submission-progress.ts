import * as z from 'zod/mini';

/**
 * One event of GET /api/submissions/[id]/events, as the server writes it and the submission page
 * reads it. zod/mini keeps the schema small in the browser bundle.
 */
export const submissionProgressSchema = z.object({
  status: z.enum(['QUEUED', 'RUNNING', 'SCORED', 'FAILED', 'CANCELLED']),
  progressImages: z.number(),
  totalImages: z.number(),
  /** QUEUED only: submissions queued before this one. */
  queuedAhead: z.nullable(z.number()),
  /** QUEUED or RUNNING: estimated milliseconds until scored, from recent throughput; null if unknown. */
  etaMs: z.nullable(z.number()),
});

export type SubmissionProgress = z.infer<typeof submissionProgressSchema>;

export const isActiveStatus = (status: string) => status === 'QUEUED' || status === 'RUNNING';
