import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { readJsonBody } from '@/server/http/read-json-body';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { deleteModel } from '@/server/models/delete-model';
import { updateModel, updateModelSchema } from '@/server/models/update-model';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

const NO_MODEL = 'No model with this id.';

/** PATCH /api/models/[id] `{ "name"?: string, "visibility"?: "public" | "private" }`: owner or admin. */
export const PATCH = withRoute(
  { name: 'PATCH /api/models/[id]', shape: 'api', auth: 'user', params: ['id'] },
  async (request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, NO_MODEL);
    const body = await readJsonBody(request, updateModelSchema);
    if (!body.ok) return body;
    const result = await updateModel(getOwnershipDeps(), actor, id, body.data);
    if (!result.ok) return result;
    revalidateEveryPublicPage();
    return Response.json(result.model);
  },
);

/** DELETE /api/models/[id]: owner or admin deletes the model and every submission of it. */
export const DELETE = withRoute(
  { name: 'DELETE /api/models/[id]', shape: 'api', auth: 'user', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, NO_MODEL);
    const result = await deleteModel(getOwnershipDeps(), actor, id);
    if (!result.ok) return result;
    revalidateEveryPublicPage();
    return new Response(null, { status: 204 });
  },
);
