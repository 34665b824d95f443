import 'server-only';
import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { getScoringQueue } from '@/server/queue';
import type { RescoreDeps } from './rescore-deps.ts';

export function getRescoreDeps(): RescoreDeps {
  return { db: getDb(getEnv().DATABASE_URL), queue: getScoringQueue() };
}
