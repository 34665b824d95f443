import Link from 'next/link';
import { getViewer } from '@/server/auth/get-viewer';
import { NavLink } from './nav-link.tsx';
import { SignOutButton } from './sign-out-button.tsx';

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
        <nav className="site-nav" aria-label="Main">
          <NavLink href="/datasets/mnist">MNIST</NavLink>
          <NavLink href="/datasets/fashion-mnist">Fashion-MNIST</NavLink>
          <NavLink href="/mnist-vs-fashion">MNIST vs Fashion</NavLink>
          <NavLink href="/compare">Compare</NavLink>
          {viewer ? (
            <>
              <NavLink href="/account">My models</NavLink>
              <NavLink href="/settings/tokens">Tokens</NavLink>
              {viewer.role === 'ADMIN' ? <NavLink href="/admin">Admin</NavLink> : null}
              <span className="site-nav__user hide-narrow" data-testid="signed-in-as" title={viewer.email}>
                {viewer.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <NavLink href="/sign-in">Sign in</NavLink>
          )}
          <Link href="/submit" className="button button--small">
            Submit<span className="hide-narrow">a model</span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
