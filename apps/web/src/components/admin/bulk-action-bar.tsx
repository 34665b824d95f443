'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, type MouseEvent, useState } from 'react';
import { callApi } from '@/lib/call-api';

export type BulkActionOption = { value: string; label: string; needsReason?: boolean };

type Outcome = {
  id: string;
  outcome: 'done' | 'skipped';
  message: string;
  name: string | null;
  href: string | null;
};
type Summary = { action: string; done: number; skipped: number; results: Outcome[] };

type Props = {
  formId: string;
  endpoint: string;
  actions: BulkActionOption[];
  /**
   * Offer "Rescore selected": the rescore page opens with the selection filled in, as submission
   * ids (`ids`) or as models whose scored submissions are taken (`models`).
   */
  rescoreParam?: 'ids' | 'models';
};

function selectedIds(form: HTMLFormElement): string[] {
  return new FormData(form).getAll('ids').map(String);
}

/**
 * The form the rows' checkboxes belong to (by `form=` attribute): one action, an optional reason
 * (required where the owner will read it), one API call, then what happened to each id.
 */
export function BulkActionBar({ formId, endpoint, actions, rescoreParam }: Props) {
  const router = useRouter();
  const [action, setAction] = useState(actions[0]?.value ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [isPending, setIsPending] = useState(false);
  const needsReason = actions.find((option) => option.value === action)?.needsReason ?? false;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = selectedIds(event.currentTarget);
    setSummary(null);
    if (ids.length === 0) {
      setError('Select at least one row first.');
      return;
    }
    if (needsReason && !reason.trim()) {
      setError('Give a reason: the owner sees it.');
      return;
    }
    setError(null);
    setIsPending(true);
    const result = await callApi<Summary>('POST', endpoint, { action, ids, reason: reason.trim() || undefined });
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSummary(result.data);
    // A fresh selection for the next action, so nothing is changed twice by accident.
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${formId}"]`)) {
      box.checked = false;
    }
    router.refresh();
  }

  function rescore(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    const ids = form ? selectedIds(form) : [];
    if (ids.length === 0) {
      setError('Select at least one row first.');
      return;
    }
    router.push(`/admin/rescores?${rescoreParam ?? 'ids'}=${ids.map(encodeURIComponent).join(',')}`);
  }

  return (
    <form id={formId} className="bulk-bar" onSubmit={submit} data-testid="bulk-bar">
      <div className="bulk-bar__controls">
        <label className="filters__field">
          <span>Action on selected</span>
          <select value={action} onChange={(event) => setAction(event.target.value)} data-testid="bulk-action">
            {actions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field bulk-bar__reason">
          <span>Reason{needsReason ? ' (required, shown to the owner)' : ' (optional, kept in the audit log)'}</span>
          <input
            type="text"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            data-testid="bulk-reason"
          />
        </label>
        <button type="submit" className="button button--small" disabled={isPending} data-testid="bulk-apply">
          {isPending ? 'Working…' : 'Apply'}
        </button>
        {rescoreParam ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={rescore}
            data-testid="bulk-rescore"
          >
            Rescore selected
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="field__error" role="alert" data-testid="bulk-error">
          {error}
        </p>
      ) : null}
      {summary ? (
        <div className="bulk-bar__summary" role="status" data-testid="bulk-summary">
          <p>
            <strong>
              {summary.done} done, {summary.skipped} skipped.
            </strong>
          </p>
          <ul className="bulk-bar__results">
            {summary.results.map((result) => (
              <li key={result.id} data-testid="bulk-result" data-id={result.id} data-outcome={result.outcome}>
                <span className={`badge badge--${result.outcome === 'done' ? 'scored' : 'cancelled'}`}>
                  {result.outcome}
                </span>{' '}
                {result.name && result.href ? (
                  <Link href={result.href} className="break-anywhere" data-testid="bulk-result-link">
                    {result.name}
                  </Link>
                ) : (
                  <span className="mono">{result.id}</span>
                )}
                : {result.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
