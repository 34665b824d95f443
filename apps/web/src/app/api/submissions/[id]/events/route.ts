import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { createProgressStream } from '@/server/live/create-progress-stream';
import { getSubmissionProgress } from '@/server/queries/get-submission-progress';

export const dynamic = 'force-dynamic';

/**
 * GET /api/submissions/[id]/events: the submission's progress as server-sent events (status,
 * images scored, place in the queue, ETA) until it is final, to whoever may see the submission.
 * `no-transform` keeps the response uncompressed: gzip would hold events back in its buffer.
 */
export const GET = withRoute(
  { name: 'GET /api/submissions/[id]/events', shape: 'api', auth: 'optional', params: ['id'] },
  async (request, { actor, params: { id } }) => {
    const db = getDb(getEnv().DATABASE_URL);
    const read = () => getSubmissionProgress(db, id, actor);
    if (!isResourceId(id) || !(await read())) return refuse(404, 'No submission with this id.');
    return new Response(createProgressStream({ read, signal: request.signal }), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  },
);
