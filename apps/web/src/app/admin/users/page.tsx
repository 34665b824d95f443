import type { Metadata } from 'next';
import { formatCount, formatDate } from '@/lib/format';
import { listUsers } from '@/server/admin/list-users';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import { getRequestDb } from '@/server/db';
import { RoleButton } from './role-button.tsx';

export const metadata: Metadata = { title: 'Users' };

/** List, promote, demote. */
export default async function UsersPage() {
  const viewer = await requireAdminViewer('/admin/users');
  const users = await listUsers(await getRequestDb());

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Users</h1>
        <p className="muted">
          Admins can see and manage every model and submission, including private ones. Role changes are kept in the
          audit log; <code>npm run admin -- promote|demote &lt;email&gt;</code> does the same from a shell.
        </p>
      </section>
      <div className="table-wrap">
        <table className="table" data-testid="user-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col" className="num hide-narrow">
                Models
              </th>
              <th scope="col" className="hide-narrow">
                Joined
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                <td className="cell-name">{user.name}</td>
                <td className="cell-name">{user.email}</td>
                <td data-testid="user-role">{user.role === 'ADMIN' ? 'Admin' : 'User'}</td>
                <td className="num hide-narrow">{formatCount(user.models)}</td>
                <td className="hide-narrow muted nowrap">{formatDate(user.createdAt)}</td>
                <td className="actions-cell">
                  {user.id === viewer.userId ? (
                    <span className="muted small">you</span>
                  ) : (
                    <RoleButton userId={user.id} role={user.role === 'ADMIN' ? 'admin' : 'user'} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
