import { getViewer } from '@/server/auth/get-viewer';

/**
 * Who is signed in, for the site header: pages are cached for everyone, so the header asks
 * after loading. Never stored by anyone.
 */
export async function GET() {
  const viewer = await getViewer();
  return Response.json(
    { viewer: viewer ? { name: viewer.name, email: viewer.email, role: viewer.role } : null },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
