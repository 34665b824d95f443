import 'server-only';
import { getDb } from '@tenfold/db';
import { enqueueScoring } from '@tenfold/queue';
import { getEnv } from '@/env';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getScoringQueue } from '@/server/queue';
import { getRedis } from '@/server/redis';
import { type CreateSubmissionResult, createSubmission } from './create-submission.ts';
import { readSubmissionInput } from './read-submission-input.ts';
import type { SubmissionInput } from './submission-input.ts';

/** The numbers the upload's refusal sentences quote. */
export function uploadMessageContext() {
  const env = getEnv();
  return {
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    submissionsPerHour: env.SUBMISSIONS_PER_HOUR,
    submissionsPerDay: env.SUBMISSIONS_PER_DAY,
  };
}

/**
 * What POST /api/submissions and POST /api/v1/submissions do with an upload: read the multipart
 * body, then create the submission with the real database, queue and limits. A failure of
 * storage or queue is a 503 that saved nothing. `input` is what was read (the form echoes it).
 */
export async function submitUpload(
  request: Request,
  userId: string,
): Promise<{ input: SubmissionInput; result: CreateSubmissionResult }> {
  const env = getEnv();
  let input: SubmissionInput = {};
  try {
    const upload = await readSubmissionInput(request, env.MAX_UPLOAD_BYTES);
    if (!upload.ok) return { input, result: upload };
    input = upload.input;
    const deps = {
      db: getDb(env.DATABASE_URL),
      enqueue: (job: Parameters<typeof enqueueScoring>[1]) => enqueueScoring(getScoringQueue(), job),
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      submissionsPerDay: env.SUBMISSIONS_PER_DAY,
      checkQuota: () => consumeRateLimit(getRedis(), rateLimitFor(env, 'submissions', userId)),
    };
    return { input, result: await createSubmission(deps, userId, input) };
  } catch (error) {
    console.error(`[tenfold] ${request.method} ${new URL(request.url).pathname} failed:`, error);
    return { input, result: { ok: false, status: 503, errors: { form: 'server_unavailable' }, retryAfterSeconds: 60 } };
  }
}
