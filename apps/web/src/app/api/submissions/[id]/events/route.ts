import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { identifyApiViewer } from '@/server/auth/identify-api-viewer';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { createProgressStream } from '@/server/live/create-progress-stream';
import { getSubmissionProgress } from '@/server/queries/get-submission-progress';

export const dynamic = 'force-dynamic';

/**
 * GET /api/submissions/[id]/events: the submission's progress as server-sent events (status,
 * images scored, place in the queue, ETA) until it is final, to whoever may see the submission.
 * `no-transform` keeps the response uncompressed: gzip would hold events back in its buffer.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const identified = await identifyApiViewer(request);
  if (!identified.ok) return identified.response;
  const db = getDb(getEnv().DATABASE_URL);
  const read = () => getSubmissionProgress(db, id, identified.viewer);
  if (!isResourceId(id) || !(await read())) return jsonError(404, 'No submission with this id.');
  return new Response(createProgressStream({ read, signal: request.signal }), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
