'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/call-api';

/** Creates a token and shows its secret once; it lives in this component's state only. */
export function TokenCreator() {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setIsPending(true);
    setError(null);
    const result = await callApi<{ token: string }>('POST', '/api/tokens', { name });
    setIsPending(false);
    if (!result.ok || !result.data) {
      setError(result.ok ? 'No token came back.' : result.error);
      return;
    }
    setSecret(result.data.token);
    form.reset();
    router.refresh();
  }

  return (
    <section className="card" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">New token</h2>
      <form className="inline-form" onSubmit={create}>
        <label className="visually-hidden" htmlFor="token-name">
          Token name
        </label>
        <input
          id="token-name"
          name="name"
          type="text"
          required
          maxLength={60}
          placeholder="Where it is used, e.g. laptop or CI"
          data-testid="token-name"
        />
        <button type="submit" className="button button--small" disabled={isPending} data-testid="create-token">
          Create token
        </button>
      </form>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {secret ? (
        <div className="token-secret" role="status">
          <p>
            <strong>Copy this token now.</strong> It will not be shown again.
          </p>
          <output className="mono token-secret__value" data-testid="token-secret">
            {secret}
          </output>
        </div>
      ) : null}
    </section>
  );
}
