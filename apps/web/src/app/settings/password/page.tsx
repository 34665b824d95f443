import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewer } from '@/server/auth/get-viewer';
import { ChangePasswordForm } from './change-password-form.tsx';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=%2Fsettings%2Fpassword');
  return (
    <section className="auth-layout">
      <p className="eyebrow">Settings</p>
      <h1>Change password</h1>
      <p className="muted">
        Signed in as {viewer.email}. Changing it signs you out everywhere else; API tokens keep working until you revoke
        them.
      </p>
      <ChangePasswordForm personal={[viewer.email, viewer.name]} />
    </section>
  );
}
