import type { Db } from '@tenfold/db';
import type { ScoringQueue } from '@tenfold/queue';

/** The database and the scoring queue (real ones in route handlers and tests alike). */
export type RescoreDeps = { db: Db; queue: ScoringQueue };
