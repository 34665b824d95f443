import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import './admin.css';

/**
 * The console's guard: nothing below renders for anyone but admins. A layout does not know the
 * page's path, so a signed-out visitor comes back to the overview after signing in.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminViewer('/admin');
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">{children}</div>
    </div>
  );
}
