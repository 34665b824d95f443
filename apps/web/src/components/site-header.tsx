import Link from 'next/link';
import { NavLink } from './nav-link.tsx';

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
          <Link href="/submit" className="button button--small">
            Submit<span className="hide-narrow">a model</span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
