import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { changeUserRole, changeUserRoleSchema } from '@/server/admin/change-user-role';
import { isResourceId } from '@/server/http/is-resource-id';
import { readJsonBody } from '@/server/http/read-json-body';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';

/** PATCH /api/admin/users/[id] `{ "role": "admin" | "user" }`: admins promote and demote others. */
export const PATCH = withRoute(
  { name: 'PATCH /api/admin/users/[id]', shape: 'api', auth: 'admin', params: ['id'] },
  async (request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, 'No user with this id.');
    const body = await readJsonBody(request, changeUserRoleSchema);
    if (!body.ok) return body;
    const result = await changeUserRole(getDb(getEnv().DATABASE_URL), actor, id, body.data);
    if (!result.ok) return result;
    const { user } = result;
    return Response.json({ id: user.id, email: user.email, role: user.role === 'ADMIN' ? 'admin' : 'user' });
  },
);
