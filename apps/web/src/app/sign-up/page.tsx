import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { safeNextPath } from '@/lib/safe-next-path';
import { getViewer } from '@/server/auth/get-viewer';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <section className="auth-layout">
      <p className="eyebrow">Account</p>
      <h1>Create an account</h1>
      <p className="muted">An account lets you submit models, keep them private and manage API tokens.</p>
      <AuthForm mode="sign-up" next={next} />
    </section>
  );
}
