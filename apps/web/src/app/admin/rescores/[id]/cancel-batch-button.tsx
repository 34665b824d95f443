'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/call-api';

/** Cancels the batch: waiting items are dropped, running ones stopped; finished ones stay. */
export function CancelBatchButton({ batchId }: { batchId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function cancel() {
    setIsPending(true);
    const result = await callApi('POST', `/api/admin/rescores/${encodeURIComponent(batchId)}/cancel`);
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
        onClick={cancel}
        disabled={isPending}
        data-testid="rescore-cancel"
      >
        Cancel batch
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
