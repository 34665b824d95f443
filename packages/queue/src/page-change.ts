import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

const datasetSchema = z.enum(['MNIST', 'FASHION_MNIST']);

/**
 * What the worker tells the web app after a commit, so the pages showing it are re-rendered on
 * their next request: a submission's result (or failure), which moves that dataset's board and
 * that model's page; or a sync of the dataset's per-image consensus that changed it, which moves
 * the consensus, label-error and card pages and the model pages' rare hits and misses.
 */
export const pageChangeSchema = z.union([
  z.object({ dataset: datasetSchema, modelId: z.string().min(1).max(64) }),
  z.object({ dataset: datasetSchema, consensus: z.literal(true) }),
]);
export type PageChange = z.infer<typeof pageChangeSchema>;

/**
 * The bearer secret of the web app's internal revalidation route, created by whichever process
 * needs it first and kept in Redis beside the queue: the two processes already trust Redis
 * with every job, so nothing has to be configured, and it never appears in an environment.
 */
export async function readPageChangeSecret(redis: Redis, prefix: string): Promise<string> {
  const key = `${prefix}:page-change-secret`;
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new Error(`Redis lost ${key} right after setting it.`);
  return secret;
}
