'use client';

import { useEffect, useState } from 'react';

export type HeaderViewer = { name: string; email: string; role: 'USER' | 'ADMIN' } | null;

/**
 * Who is signed in, read after the page loads: the page itself is the same for every visitor
 * (and served from the page cache), the session is not. `undefined` until known, so a
 * signed-in visitor never sees "Sign in" flash.
 */
export function useHeaderViewer(): HeaderViewer | undefined {
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
  return viewer;
}
