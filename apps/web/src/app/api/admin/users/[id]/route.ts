import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { changeUserRole, changeUserRoleSchema } from '@/server/admin/change-user-role';
import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';

/** PATCH /api/admin/users/[id] `{ "role": "admin" | "user" }`: admins promote and demote others. */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No user with this id.');
  const body = await readJsonBody(request, changeUserRoleSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const result = await changeUserRole(getDb(getEnv().DATABASE_URL), guard.actor, id, body.data);
  if (!result.ok) return jsonError(result.status, result.error);
  const { user } = result;
  return Response.json({ id: user.id, email: user.email, role: user.role === 'ADMIN' ? 'admin' : 'user' });
}
