'use client';

import { type FormEvent, useState } from 'react';
import { NewPasswordField } from '@/components/new-password-field';
import { callApi } from '@/lib/call-api';
import { assessPassword } from '@/lib/password-policy';

/** better-auth's change-password endpoint, with the password rule's advice as the person types. */
export function ChangePasswordForm({ personal }: { personal: string[] }) {
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isPending, setIsPending] = useState(false);
  // Bumped after a change, so the form mounts afresh with empty fields.
  const [generation, setGeneration] = useState(0);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    setError(null);
    setIsDone(false);
    const assessment = await assessPassword(newPassword, personal);
    if (!assessment.isAcceptable) {
      setError(assessment.advice);
      return;
    }
    setIsPending(true);
    const result = await callApi('POST', '/api/auth/change-password', {
      currentPassword,
      newPassword,
      revokeOtherSessions: true,
    });
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setGeneration((value) => value + 1);
    setIsDone(true);
  }

  return (
    <form key={generation} className="form card auth-card" onSubmit={handleSubmit} data-testid="change-password-form">
      {error ? (
        <div className="alert alert--error" role="alert" data-testid="change-password-error">
          {error}
        </div>
      ) : null}
      {isDone ? (
        <div className="alert" role="status" data-testid="change-password-done">
          Password changed. Other sessions were signed out.
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          required
          maxLength={128}
          autoComplete="current-password"
        />
      </div>
      <NewPasswordField id="newPassword" name="newPassword" label="New password" personal={personal} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={isPending} data-testid="change-password-submit">
          Change password
        </button>
      </div>
    </form>
  );
}
