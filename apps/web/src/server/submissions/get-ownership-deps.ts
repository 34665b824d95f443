import 'server-only';
import { getDb } from '@tenfold/db';
import { cancelScoring } from '@tenfold/queue';
import { getEnv } from '@/env';
import { getScoringQueue } from '@/server/queue';
import type { OwnershipDeps } from './ownership-deps.ts';

/** The real database and queue, for route handlers. */
export function getOwnershipDeps(): OwnershipDeps {
  return {
    db: getDb(getEnv().DATABASE_URL),
    removeScoringJob: (submissionId) => cancelScoring(getScoringQueue(), submissionId),
  };
}
