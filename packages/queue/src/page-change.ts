import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * What the worker tells the web app after it committed a result (or a failure) of a submission:
 * the pages that show that dataset's board and that model are re-rendered on their next request.
 */
export const pageChangeSchema = z.object({
  dataset: z.enum(['MNIST', 'FASHION_MNIST']),
  modelId: z.string().min(1).max(64),
});
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
