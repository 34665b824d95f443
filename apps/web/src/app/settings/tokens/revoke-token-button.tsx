'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/call-api';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function revoke() {
    if (!window.confirm(`Revoke the token "${name}"? Scripts using it stop working at once.`)) return;
    setIsPending(true);
    const result = await callApi('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`);
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
        className="button button--small button--danger"
        onClick={revoke}
        disabled={isPending}
        data-testid="revoke-token"
      >
        Revoke
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
