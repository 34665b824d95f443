import Link from 'next/link';
import { NavLink } from './nav-link.tsx';
import { ViewerNav } from './viewer-nav.tsx';

/** The same for every visitor, so pages that include it can be cached; who is signed in is ViewerNav's. */
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
        <nav className="site-nav" aria-label="Main">
          <NavLink href="/datasets/mnist">MNIST</NavLink>
          <NavLink href="/datasets/fashion-mnist">Fashion-MNIST</NavLink>
          <NavLink href="/mnist-vs-fashion">MNIST vs Fashion</NavLink>
          <NavLink href="/compare">Compare</NavLink>
          <ViewerNav />
          <Link href="/submit" className="button button--small">
            Submit<span className="hide-narrow">a model</span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
