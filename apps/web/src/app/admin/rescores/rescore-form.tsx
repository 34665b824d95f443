'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/call-api';

type Kind = 'ids' | 'dataset' | 'all' | 'older-scorer' | 'backend';

type Props = {
  /** From `?ids=a,b,c`: the submissions list links here with its selection. */
  initialIds: string[];
  datasets: Array<{ id: string; name: string }>;
  backends: string[];
  scorerVersion: string;
};

const KIND_LABELS: Record<Kind, string> = {
  ids: 'Submissions by id',
  dataset: 'Everything scored on a dataset',
  all: 'Everything scored',
  'older-scorer': 'Everything scored under an older scorer version',
  backend: 'Everything scored by a backend',
};

function selectionOf(kind: Kind, form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  switch (kind) {
    case 'ids': {
      const ids = text('ids')
        .split(/[\s,]+/)
        .filter(Boolean);
      return ids.length === 1 ? { kind: 'submission', submissionId: ids[0] } : { kind, ids };
    }
    case 'dataset':
      return { kind, dataset: text('dataset') };
    case 'backend':
      return { kind, backend: text('backend') };
    default:
      return { kind };
  }
}

/** Starts a rescore batch through POST /api/admin/rescores, then opens its page. */
export function RescoreForm({ initialIds, datasets, backends, scorerVersion }: Props) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initialIds.length > 0 ? 'ids' : 'older-scorer');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await callApi<{ id: string }>('POST', '/api/admin/rescores', {
      selection: selectionOf(kind, form),
      reason: String(form.get('reason') ?? ''),
    });
    if (!result.ok || !result.data) {
      setIsPending(false);
      setError(result.ok ? 'The batch was not created.' : result.error);
      return;
    }
    router.push(`/admin/rescores/${encodeURIComponent(result.data.id)}`);
  }

  return (
    <form className="form" onSubmit={submit} data-testid="rescore-form">
      <div className="field">
        <label htmlFor="rescore-kind">What to rescore</label>
        <select id="rescore-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </select>
        <p className="field__hint">
          Only scored submissions are rescored, under scorer {scorerVersion}; the others are counted as skipped.
        </p>
      </div>
      {kind === 'ids' ? (
        <div className="field">
          <label htmlFor="rescore-ids">Submission ids</label>
          <textarea id="rescore-ids" name="ids" rows={3} defaultValue={initialIds.join('\n')} required />
          <p className="field__hint">One or more ids, separated by commas, spaces or new lines (up to 500).</p>
        </div>
      ) : null}
      {kind === 'dataset' ? (
        <div className="field">
          <label htmlFor="rescore-dataset">Dataset</label>
          <select id="rescore-dataset" name="dataset">
            {datasets.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'backend' ? (
        <div className="field">
          <label htmlFor="rescore-backend">Backend</label>
          <input id="rescore-backend" name="backend" type="text" list="rescore-backends" required />
          <datalist id="rescore-backends">
            {backends.map((backend) => (
              <option key={backend} value={backend} />
            ))}
          </datalist>
          <p className="field__hint">Entries whose evaluation in force came from this backend, e.g. tfjs-cpu.</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="rescore-reason">Reason</label>
        <input id="rescore-reason" name="reason" type="text" minLength={3} maxLength={500} required />
        <p className="field__hint">Kept with the batch and in the audit log.</p>
      </div>
      {error ? (
        <p className="field__error" role="alert" data-testid="rescore-error">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={isPending} data-testid="rescore-start">
          {isPending ? 'Starting…' : 'Start rescoring'}
        </button>
      </div>
    </form>
  );
}
