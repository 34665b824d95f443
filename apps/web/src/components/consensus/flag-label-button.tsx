'use client';

import { useState } from 'react';
import { callApi } from '@/lib/call-api';

type Props = {
  datasetSlug: string;
  imageIndex: number;
  /** The class the strong models agree on, sent as the suggestion. */
  suggestedClass: number;
  isFlagged: boolean;
};

/** "The label looks wrong": one flag per user and image, recorded for the admins to review. */
export function FlagLabelButton({ datasetSlug, imageIndex, suggestedClass, isFlagged }: Props) {
  const [state, setState] = useState<'idle' | 'pending' | 'flagged'>(isFlagged ? 'flagged' : 'idle');
  const [error, setError] = useState<string | null>(null);

  async function flag() {
    setState('pending');
    setError(null);
    const result = await callApi('POST', `/api/datasets/${datasetSlug}/images/${imageIndex}/flag`, { suggestedClass });
    if (result.ok) {
      setState('flagged');
    } else {
      setState('idle');
      setError(result.error);
    }
  }

  if (state === 'flagged') {
    return (
      <p className="small muted" data-testid="flag-done">
        Flagged: admins will review it.
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={flag}
        disabled={state === 'pending'}
        data-testid="flag-label"
      >
        The label looks wrong
      </button>
      {error ? (
        <p className="field__error small" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
