import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getViewer, type Viewer } from '@/server/auth/get-viewer';

/**
 * The admin layout calls this, and every admin page again before reading anything, so each page
 * stays guarded on its own whatever becomes of the layout: signed out → sign in first; signed in
 * but not an admin → the site's plain 404, not even a hint that the page exists.
 */
export async function requireAdminViewer(path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (viewer.role !== 'ADMIN') notFound();
  return viewer;
}
