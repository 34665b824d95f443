import { isDatasetId } from '@tenfold/datasets/catalog';
import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { flagImageLabel, flagImageLabelSchema } from '@/server/consensus/flag-image-label';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ id: string; index: string }> };

const INDEX = /^\d{1,5}$/;

/**
 * POST /api/datasets/[id]/images/[index]/flag `{ suggestedClass?, note? }`: a signed-in user
 * says the image's official label looks wrong. 201 with the new flag, 200 with the caller's
 * earlier one. The label and every score stay as they are.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const { id, index } = await context.params;
  if (!isDatasetId(id) || !INDEX.test(index)) return jsonError(404, 'No such test image.');
  const body = await readJsonBody(request, flagImageLabelSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const result = await flagImageLabel(getDb(getEnv().DATABASE_URL), guard.actor, id, Number(index), body.data);
  if (!result.ok) return jsonError(result.status, result.error);
  return Response.json(result.flag, { status: result.flag.isNew ? 201 : 200 });
}
