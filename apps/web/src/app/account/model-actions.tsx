'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/call-api';

type Props = { modelId: string; name: string; visibility: 'public' | 'private' };

/** Rename, make public or private, delete: each a call to /api/models/[id], then a fresh render. */
export function ModelActions({ modelId, name, visibility }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const path = `/api/models/${encodeURIComponent(modelId)}`;

  async function run(action: () => ReturnType<typeof callApi>) {
    setIsPending(true);
    setError(null);
    const result = await action();
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.refresh();
  }

  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get('name') ?? '');
    void run(() => callApi('PATCH', path, { name: newName }));
  }

  function remove() {
    if (!window.confirm(`Delete ${name} and all its submissions? This cannot be undone.`)) return;
    void run(() => callApi('DELETE', path));
  }

  const otherVisibility = visibility === 'public' ? 'private' : 'public';
  return (
    <div className="owned-model__actions">
      <form className="inline-form" onSubmit={rename}>
        <label className="visually-hidden" htmlFor={`rename-${modelId}`}>
          New name for {name}
        </label>
        <input
          id={`rename-${modelId}`}
          name="name"
          type="text"
          required
          maxLength={80}
          pattern="[A-Za-z0-9][A-Za-z0-9 ._+\-]*"
          defaultValue={name}
          data-testid="rename-input"
        />
        <button type="submit" className="button button--small button--ghost" disabled={isPending} data-testid="rename">
          Rename
        </button>
      </form>
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={isPending}
        onClick={() => void run(() => callApi('PATCH', path, { visibility: otherVisibility }))}
        data-testid="toggle-visibility"
      >
        Make {otherVisibility}
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        disabled={isPending}
        onClick={remove}
        data-testid="delete-model"
      >
        Delete model
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
