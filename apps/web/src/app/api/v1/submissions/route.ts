import { getDb } from '@tenfold/db';
import { enqueueScoring } from '@tenfold/queue';
import { getEnv } from '@/env';
import { apiError } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { requireActor } from '@/server/api-v1/authenticate';
import { getApiSubmission, listOwnSubmissions } from '@/server/api-v1/find-api-submissions';
import { parseQuery } from '@/server/api-v1/parse-query';
import { readSubmissionInput } from '@/server/api-v1/read-submission-input';
import { submissionListQuerySchema } from '@/server/api-v1/schemas';
import { submissionRefusal } from '@/server/api-v1/submission-refusal';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getScoringQueue } from '@/server/queue';
import { getRedis } from '@/server/redis';
import { createSubmission } from '@/server/submissions/create-submission';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/v1/submissions: the caller's own submissions, newest first, filtered by dataset and status. */
export const GET = apiRoute('GET /api/v1/submissions', async (request: Request): Promise<Response> => {
  const actor = await requireActor(request);
  if (!actor.ok) return actor.response;
  const query = parseQuery(request, submissionListQuerySchema);
  if (!query.ok) return query.response;
  const env = getEnv();
  const list = await listOwnSubmissions(getDb(env.DATABASE_URL), actor.value, query.data, env.APP_URL);
  return Response.json(list, { headers: NO_STORE });
});

/** POST /api/v1/submissions: a multipart upload of one model, with the fields of the /submit form. */
export const POST = apiRoute('POST /api/v1/submissions', async (request: Request): Promise<Response> => {
  const env = getEnv();
  const messageContext = {
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    submissionsPerHour: env.SUBMISSIONS_PER_HOUR,
    submissionsPerDay: env.SUBMISSIONS_PER_DAY,
  };
  // Before the body is read: nobody gets us to buffer an upload without being allowed to make one.
  const actor = await requireActor(request);
  if (!actor.ok) return actor.response;
  const { userId } = actor.value;
  try {
    const upload = await readSubmissionInput(request, env.MAX_UPLOAD_BYTES);
    if (!upload.ok) return submissionRefusal(upload, messageContext);
    const db = getDb(env.DATABASE_URL);
    const result = await createSubmission(
      {
        db,
        enqueue: (job) => enqueueScoring(getScoringQueue(), job),
        maxUploadBytes: env.MAX_UPLOAD_BYTES,
        submissionsPerDay: env.SUBMISSIONS_PER_DAY,
        checkQuota: () => consumeRateLimit(getRedis(), rateLimitFor(env, 'submissions', userId)),
      },
      userId,
      upload.input,
    );
    if (!result.ok) return submissionRefusal(result, messageContext);
    revalidateSubmissionPages();
    const submission = await getApiSubmission(db, result.id, actor.value, env.APP_URL);
    if (!submission) throw new Error(`submission ${result.id} vanished right after it was created`);
    return Response.json(
      { submission },
      { status: 201, headers: { ...NO_STORE, Location: `/api/v1/submissions/${result.id}` } },
    );
  } catch (error) {
    console.error('[tenfold] POST /api/v1/submissions failed:', error);
    return apiError(
      503,
      'unavailable',
      'Tenfold could not store the upload just now. Nothing was saved; please try again in a minute.',
      { headers: { 'Retry-After': '60' } },
    );
  }
});
