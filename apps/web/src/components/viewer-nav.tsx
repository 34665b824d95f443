'use client';

import { useEffect, useState } from 'react';
import { NavLink } from './nav-link.tsx';
import { SignOutButton } from './sign-out-button.tsx';

type HeaderViewer = { name: string; email: string; role: 'USER' | 'ADMIN' } | null;

/**
 * The header's signed-in part, read after the page loads: the page itself is the same for every
 * visitor (and served from the page cache), the session is not. Nothing shows until it is known,
 * so a signed-in visitor never sees "Sign in" flash.
 */
export function ViewerNav() {
  const [viewer, setViewer] = useState<HeaderViewer | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    fetch('/api/viewer', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : { viewer: null }))
      .then((body: { viewer: HeaderViewer }) => {
        if (isCurrent) setViewer(body.viewer);
      })
      .catch(() => {
        if (isCurrent) setViewer(null);
      });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (viewer === undefined) return null;
  if (viewer === null) return <NavLink href="/sign-in">Sign in</NavLink>;
  return (
    <>
      <NavLink href="/account">My models</NavLink>
      <NavLink href="/settings/tokens">Tokens</NavLink>
      {viewer.role === 'ADMIN' ? <NavLink href="/admin">Admin</NavLink> : null}
      <span className="site-nav__user hide-narrow" data-testid="signed-in-as" title={viewer.email}>
        {viewer.name}
      </span>
      <SignOutButton />
    </>
  );
}
