import { getDb } from '@tenfold/db';
import { enqueueScoring } from '@tenfold/queue';
import { getEnv } from '@/env';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { readFormData } from '@/server/http/read-form-data';
import { wantsJson } from '@/server/http/wants-json';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getScoringQueue } from '@/server/queue';
import { getRedis } from '@/server/redis';
import { type CreateSubmissionResult, createSubmission } from '@/server/submissions/create-submission';
import { describeSubmissionErrors } from '@/server/submissions/submission-errors';
import type { SubmissionInput } from '@/server/submissions/submission-input';
import { buildSubmitFormUrl } from '@/server/submissions/submit-form-query';

/** Room for multipart boundaries, headers and the text fields around the file. */
const MULTIPART_ALLOWANCE_BYTES = 256 * 1024;
const TEXT_FIELDS = ['dataset', 'modelName', 'layout', 'scale', 'mean', 'std', 'output', 'visibility'] as const;

async function toSubmissionInput(formData: FormData): Promise<SubmissionInput> {
  const input: SubmissionInput = {};
  for (const field of TEXT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === 'string') input[field] = value;
  }
  const parts = formData.getAll('file').filter((part): part is File => typeof part === 'object');
  input.files = await Promise.all(
    parts.map(async (part) => ({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) })),
  );
  return input;
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}

/**
 * POST /api/submissions: a multipart upload of one model, by a signed-in user (the /submit
 * form) or with an API token (any HTTP client).
 */
export async function POST(request: Request): Promise<Response> {
  const env = getEnv();
  const isJson = wantsJson(request.headers.get('accept'));
  const messageContext = {
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    submissionsPerHour: env.SUBMISSIONS_PER_HOUR,
    submissionsPerDay: env.SUBMISSIONS_PER_DAY,
  };

  // Before the body is read: nobody gets us to buffer an upload without being allowed to make one.
  const guard = await guardApiRequest(request);
  if (!guard.ok) {
    // The form, posted without JavaScript by someone signed out: sign in, then back to the form.
    if (!isJson && guard.status === 401) return seeOther('/sign-in?next=%2Fsubmit');
    return guard.response;
  }
  const { userId } = guard.actor;

  let input: SubmissionInput = {};
  let result: CreateSubmissionResult;
  try {
    const body = await readFormData(request, env.MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES);
    if (!body.ok) {
      result =
        body.reason === 'too_large'
          ? { ok: false, httpStatus: 413, errors: { file: 'file_too_large' } }
          : { ok: false, httpStatus: 400, errors: { form: 'form_malformed' } };
    } else {
      input = await toSubmissionInput(body.formData);
      result = await createSubmission(
        {
          db: getDb(env.DATABASE_URL),
          enqueue: (job) => enqueueScoring(getScoringQueue(), job),
          maxUploadBytes: env.MAX_UPLOAD_BYTES,
          submissionsPerDay: env.SUBMISSIONS_PER_DAY,
          checkQuota: () => consumeRateLimit(getRedis(), rateLimitFor(env, 'submissions', userId)),
        },
        userId,
        input,
      );
    }
  } catch (error) {
    console.error('[tenfold] POST /api/submissions failed:', error);
    if (!isJson) return seeOther(buildSubmitFormUrl({ form: 'server_unavailable' }, input));
    const messages = describeSubmissionErrors({ form: 'server_unavailable' }, messageContext);
    return Response.json({ error: messages.form, errors: messages }, { status: 503, headers: { 'Retry-After': '60' } });
  }

  if (result.ok) {
    revalidateSubmissionPages();
    const location = `/submissions/${result.id}`;
    if (!isJson) return seeOther(location);
    return Response.json({ id: result.id, status: result.status }, { status: 201, headers: { Location: location } });
  }

  if (!isJson) return seeOther(buildSubmitFormUrl(result.errors, input));
  const messages = describeSubmissionErrors(result.errors, messageContext);
  return Response.json(
    {
      error: Object.values(messages).join(' '),
      errors: messages,
      codes: result.errors,
    },
    {
      status: result.httpStatus,
      headers: result.httpStatus === 429 ? { 'Retry-After': String(result.retryAfterSeconds) } : {},
    },
  );
}
