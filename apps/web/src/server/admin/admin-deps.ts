import type { OwnershipDeps } from '@/server/submissions/ownership-deps';

/** What the admin services need besides the database: the queue, reached through two functions. */
export type AdminDeps = OwnershipDeps & {
  /** Gives a submission a fresh scoring job; the real one is `enqueueScoring(queue, { submissionId })`. */
  enqueueScoring: (submissionId: string) => Promise<unknown>;
};
