import { guardApiRequest } from '@/server/auth/guard-api-request';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';
import { deleteModel } from '@/server/models/delete-model';
import { updateModel, updateModelSchema } from '@/server/models/update-model';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/models/[id] `{ "name"?: string, "visibility"?: "public" | "private" }`: owner or admin. */
export async function PATCH(request: Request, context: Context): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No model with this id.');
  const body = await readJsonBody(request, updateModelSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const result = await updateModel(getOwnershipDeps(), guard.actor, id, body.data);
  if (!result.ok) return jsonError(result.status, result.error);
  revalidateEveryPublicPage();
  return Response.json(result.model);
}

/** DELETE /api/models/[id]: owner or admin deletes the model and every submission of it. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No model with this id.');
  const result = await deleteModel(getOwnershipDeps(), guard.actor, id);
  if (!result.ok) return jsonError(result.status, result.error);
  revalidateEveryPublicPage();
  return new Response(null, { status: 204 });
}
