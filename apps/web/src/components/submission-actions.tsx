'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/call-api';

type Props = {
  submissionId: string;
  status: string;
  /** Where to go after deleting it; stays on the page (and refreshes it) when unset. */
  afterDelete?: string;
};

/** Cancel while queued or running, delete any time. */
export function SubmissionActions({ submissionId, status, afterDelete }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const path = `/api/submissions/${encodeURIComponent(submissionId)}`;
  const isActive = status === 'QUEUED' || status === 'RUNNING';

  async function run(method: 'POST' | 'DELETE', url: string, destination?: string) {
    setIsPending(true);
    setError(null);
    const result = await callApi(method, url);
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (destination) router.push(destination);
    else router.refresh();
  }

  function remove() {
    if (!window.confirm('Delete this submission and its results? This cannot be undone.')) return;
    void run('DELETE', path, afterDelete);
  }

  return (
    <span className="row-actions">
      {isActive ? (
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={isPending}
          onClick={() => void run('POST', `${path}/cancel`)}
          data-testid="cancel-submission"
        >
          Cancel
        </button>
      ) : null}
      <button
        type="button"
        className="button button--small button--danger"
        disabled={isPending}
        onClick={remove}
        data-testid="delete-submission"
      >
        Delete
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
