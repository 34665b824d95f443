import Link from 'next/link';
import { getViewer } from '@/server/auth/get-viewer';
import { SiteNav } from './site-nav.tsx';

export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label="Tenfold home">
          <span className="brand__mark" aria-hidden="true">
            10
          </span>
          <span className="brand__name">Tenfold</span>
        </Link>
        <SiteNav
          viewer={viewer ? { name: viewer.name, email: viewer.email, isAdmin: viewer.role === 'ADMIN' } : null}
        />
      </div>
    </header>
  );
}
