import { readJsonBody } from '@/server/http/read-json-body';
import { withRoute } from '@/server/http/with-route';
import { createRescoreBatch } from '@/server/rescoring/create-rescore-batch';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { createRescoreBatchSchema } from '@/server/rescoring/rescore-selection';

/**
 * POST /api/admin/rescores `{ "selection": { "kind": ... }, "reason": "..." }`: an admin starts a
 * rescore batch. 201 with the batch id, how many submissions it rescores and what was skipped
 * (a refusal for an empty selection says what was skipped too).
 */
export const POST = withRoute(
  { name: 'POST /api/admin/rescores', shape: 'api', auth: 'admin' },
  async (request, { actor }) => {
    const body = await readJsonBody(request, createRescoreBatchSchema);
    if (!body.ok) return body;
    const result = await createRescoreBatch(getRescoreDeps(), actor, body.data);
    if (!result.ok) return result;
    return Response.json(
      { id: result.batchId, total: result.total, skipped: result.skipped, queued: result.isQueued },
      { status: 201 },
    );
  },
);
