import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import './admin.css';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminViewer('/admin');
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">{children}</div>
    </div>
  );
}
