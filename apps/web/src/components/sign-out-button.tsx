'use client';

import { useState } from 'react';
import { callApi } from '@/lib/call-api';

export function SignOutButton() {
  const [isPending, setIsPending] = useState(false);

  async function signOut() {
    setIsPending(true);
    await callApi('POST', '/api/auth/sign-out', {});
    // A full load, so every server component renders again without the session.
    window.location.assign('/');
  }

  return (
    <button
      type="button"
      className="site-nav__link site-nav__button"
      onClick={signOut}
      disabled={isPending}
      data-testid="sign-out"
    >
      Sign out
    </button>
  );
}
