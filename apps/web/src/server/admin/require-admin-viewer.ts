import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/safe-next-path';
import { getViewer, type Viewer } from '@/server/auth/get-viewer';

/**
 * The admin layout calls this, and every admin page again before reading anything, so each page
 * stays guarded on its own whatever becomes of the layout: signed out → sign in first; signed in
 * but not an admin → the site's plain 404, not even a hint that the page exists.
 */
export async function requireAdminViewer(path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    // The page asked for (the proxy's x-request-path) when it is an admin page, so deep links
    // survive signing in; the layout, which runs first, only knows its own path.
    const requested = safeNextPath((await headers()).get('x-request-path'));
    redirect(`/sign-in?next=${encodeURIComponent(requested.startsWith('/admin') ? requested : path)}`);
  }
  if (viewer.role !== 'ADMIN') notFound();
  return viewer;
}
