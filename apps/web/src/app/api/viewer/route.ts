import { getViewer } from '@/server/auth/get-viewer';
import { withRoute } from '@/server/http/with-route';

/**
 * GET /api/viewer: who is signed in (browser session), for the site header. Pages are cached for
 * everyone, so the header asks after loading. Never stored by anyone.
 */
export const GET = withRoute({ name: 'GET /api/viewer', shape: 'api', auth: 'none' }, async () => {
  const viewer = await getViewer();
  return Response.json(
    { viewer: viewer ? { name: viewer.name, email: viewer.email, role: viewer.role } : null },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
