import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { safeNextPath } from '@/lib/safe-next-path';
import { getViewer } from '@/server/auth/get-viewer';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <section className="auth-layout">
      <p className="eyebrow">Account</p>
      <h1>Sign in</h1>
      <p className="muted">Sign in to submit models and manage them.</p>
      <AuthForm mode="sign-in" next={next} />
    </section>
  );
}
