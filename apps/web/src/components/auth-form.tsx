'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/call-api';
import { assessPassword } from '@/lib/password-policy';
import { NewPasswordField } from './new-password-field.tsx';

type Props = { mode: 'sign-in' | 'sign-up'; next: string };

/** Talks to better-auth's JSON endpoints; the session cookie comes back on the response. */
export function AuthForm({ mode, next }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  // The email and name typed so far: the password advice counts a password made of them as weak.
  const [personal, setPersonal] = useState<string[]>([]);
  const isSignUp = mode === 'sign-up';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '');
    setIsPending(true);
    setError(null);
    if (isSignUp) {
      // The server applies the same rule; asking it first would only cost a sign-up attempt.
      const assessment = await assessPassword(field('password'), [field('email'), field('name')]);
      if (!assessment.isAcceptable) {
        setError(assessment.advice);
        setIsPending(false);
        return;
      }
    }
    const result = isSignUp
      ? await callApi('POST', '/api/auth/sign-up/email', {
          name: field('name'),
          email: field('email'),
          password: field('password'),
        })
      : await callApi('POST', '/api/auth/sign-in/email', { email: field('email'), password: field('password') });
    if (result.ok) {
      // A full load, so the header and every server component see the new session.
      window.location.assign(next);
      return;
    }
    setError(result.error);
    setIsPending(false);
  }

  const otherQuery = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  return (
    <form
      className="form card auth-card"
      onSubmit={handleSubmit}
      onChange={(event) => {
        const data = new FormData(event.currentTarget);
        if (isSignUp) setPersonal([String(data.get('email') ?? ''), String(data.get('name') ?? '')]);
      }}
      data-testid={`${mode}-form`}
    >
      {error ? (
        <div className="alert alert--error" role="alert" data-testid="auth-error">
          {error}
        </div>
      ) : null}
      {isSignUp ? (
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" type="text" required maxLength={80} autoComplete="name" />
          <p className="field__hint">Shown beside your models on the leaderboards.</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" required maxLength={254} autoComplete="email" />
      </div>
      {isSignUp ? (
        <NewPasswordField id="password" name="password" label="Password" personal={personal} />
      ) : (
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            maxLength={128}
            autoComplete="current-password"
          />
        </div>
      )}
      <noscript>
        <p className="alert alert--error">Signing in needs JavaScript.</p>
      </noscript>
      <div className="form__actions form__actions--split">
        {isSignUp ? (
          <Link href={`/sign-in${otherQuery}`}>I have an account</Link>
        ) : (
          <Link href={`/sign-up${otherQuery}`}>Create an account</Link>
        )}
        <button type="submit" className="button" disabled={isPending} data-testid={`${mode}-submit`}>
          {isSignUp ? 'Create account' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
