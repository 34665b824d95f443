import Link from 'next/link';
import { SiteNav } from './site-nav.tsx';

/** The same for every visitor, so pages that include it can be cached; who is signed in is SiteNav's (fetched). */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label="Tenfold home">
          <span className="brand__mark" aria-hidden="true">
            10
          </span>
          <span className="brand__name">Tenfold</span>
        </Link>
        <SiteNav />
      </div>
    </header>
  );
}
