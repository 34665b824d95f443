import 'server-only';
import { enqueueScoring } from '@tenfold/queue';
import { getScoringQueue } from '@/server/queue';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';
import type { AdminDeps } from './admin-deps.ts';

/** The real database and queue, for the admin route handlers. */
export function getAdminDeps(): AdminDeps {
  return {
    ...getOwnershipDeps(),
    enqueueScoring: (submissionId) => enqueueScoring(getScoringQueue(), { submissionId }),
  };
}
