import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getViewer, type Viewer } from '@/server/auth/get-viewer';

/**
 * Every admin page calls this before reading anything (the layout does too, but a page renders
 * beside its layout, not after it): signed out → sign in first; signed in but not an admin → the
 * site's plain 404, not even a hint that the page exists.
 */
export async function requireAdminViewer(path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (viewer.role !== 'ADMIN') notFound();
  return viewer;
}
