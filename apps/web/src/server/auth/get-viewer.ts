import 'server-only';
import type { Role } from '@tenfold/db';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getAuth } from './auth.ts';

/** The signed-in user as pages see them. */
export type Viewer = { userId: string; name: string; email: string; role: Role };

/**
 * For server components: the browser session's user, or null. Cached per request, so the
 * layout and the page share one session lookup.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // headers() first: it marks the page as rendered per request, so `next build` never gets
  // this far (and never needs the auth secret).
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { userId: id, name, email, role: role ?? 'USER' };
});
