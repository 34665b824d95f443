import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { getSubmissionStatus } from '@/server/queries/get-submission-status';

const SUBMISSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/submissions/[id]: the submission's state, polled by its page while it is scored. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const submission = SUBMISSION_ID.test(id) ? await getSubmissionStatus(getDb(getEnv().DATABASE_URL), id) : null;
  if (!submission) return Response.json({ error: 'No submission with this id.' }, { status: 404, headers: NO_STORE });
  return Response.json(submission, { headers: NO_STORE });
}
