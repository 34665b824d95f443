import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { getApiSubmission, listOwnSubmissions } from '@/server/api-v1/find-api-submissions';
import { parseQuery } from '@/server/api-v1/parse-query';
import { submissionListQuerySchema } from '@/server/api-v1/schemas';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { withRoute } from '@/server/http/with-route';
import { submissionRefusal } from '@/server/submissions/submission-refusal';
import { submitUpload, uploadMessageContext } from '@/server/submissions/submit-upload';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/v1/submissions: the caller's own submissions, newest first, filtered by dataset and status. */
export const GET = withRoute(
  { name: 'GET /api/v1/submissions', shape: 'v1', auth: 'user' },
  async (request, { actor }) => {
    const query = parseQuery(request, submissionListQuerySchema);
    if (!query.ok) return query;
    const env = getEnv();
    const list = await listOwnSubmissions(getDb(env.DATABASE_URL), actor, query.data, env.APP_URL);
    return Response.json(list, { headers: NO_STORE });
  },
);

/**
 * POST /api/v1/submissions: a multipart upload of one model, with the fields of the /submit form.
 * Authentication comes before the body is read (withRoute), so nobody makes us buffer an upload
 * without being allowed to make one.
 */
export const POST = withRoute(
  { name: 'POST /api/v1/submissions', shape: 'v1', auth: 'user' },
  async (request, { actor }) => {
    const { result } = await submitUpload(request, actor.userId);
    if (!result.ok) return submissionRefusal(result, uploadMessageContext());
    revalidateSubmissionPages();
    const env = getEnv();
    const submission = await getApiSubmission(getDb(env.DATABASE_URL), result.id, actor, env.APP_URL);
    if (!submission) throw new Error(`submission ${result.id} vanished right after it was created`);
    return Response.json(
      { submission },
      { status: 201, headers: { ...NO_STORE, Location: `/api/v1/submissions/${result.id}` } },
    );
  },
);
