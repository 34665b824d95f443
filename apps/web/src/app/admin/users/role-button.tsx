'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/call-api';

export function RoleButton({ userId, role }: { userId: string; role: 'admin' | 'user' }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const target = role === 'admin' ? 'user' : 'admin';

  async function change() {
    setIsPending(true);
    const result = await callApi('PATCH', `/api/admin/users/${encodeURIComponent(userId)}`, { role: target });
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={change}
        disabled={isPending}
        data-testid={target === 'admin' ? 'promote' : 'demote'}
      >
        {target === 'admin' ? 'Make admin' : 'Make user'}
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
