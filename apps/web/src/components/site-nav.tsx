'use client';

import Link from 'next/link';
import { NavLink } from './nav-link.tsx';
import { SignOutButton } from './sign-out-button.tsx';
import { useDisclosure } from './use-disclosure.ts';
import { useHeaderViewer } from './use-header-viewer.ts';

/**
 * The header's links. On a desktop they sit on one row, the account's behind a button with the
 * user's name; on a phone everything but Submit sits behind a Menu button, so the bar stays one
 * line high (the CSS in globals.css, "Header", switches between the two).
 */
export function SiteNav() {
  const viewer = useHeaderViewer();
  const menu = useDisclosure();
  const account = useDisclosure();
  return (
    <nav className="site-nav" aria-label="Main">
      <div className="site-nav__menu" ref={menu.rootRef}>
        <button
          type="button"
          ref={menu.buttonRef}
          className="site-nav__menu-button"
          aria-expanded={menu.isOpen}
          aria-controls={menu.panelId}
          onClick={menu.toggle}
          data-testid="menu-button"
        >
          <span aria-hidden="true" className="site-nav__burger" />
          Menu
        </button>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only catches clicks on the links inside, which are keyboard-operable themselves. */}
        <div
          id={menu.panelId}
          className="site-nav__panel"
          data-open={menu.isOpen}
          onClick={menu.closeOnLink}
          data-testid="menu-panel"
        >
          <NavLink href="/datasets/mnist">MNIST</NavLink>
          <NavLink href="/datasets/fashion-mnist">Fashion-MNIST</NavLink>
          <NavLink href="/mnist-vs-fashion">MNIST vs Fashion</NavLink>
          <NavLink href="/compare">Compare</NavLink>
          <NavLink href="/guides">Guides</NavLink>
          {viewer === undefined ? null : viewer ? (
            <div className="site-account" ref={account.rootRef}>
              <button
                type="button"
                ref={account.buttonRef}
                className="site-nav__link site-nav__button site-account__button"
                aria-expanded={account.isOpen}
                aria-controls={account.panelId}
                onClick={account.toggle}
                title={viewer.email}
                data-testid="account-button"
              >
                <span className="site-account__name" data-testid="signed-in-as">
                  {viewer.name}
                </span>
                <span aria-hidden="true"> ▾</span>
              </button>
              {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: as the menu panel above. */}
              <div
                id={account.panelId}
                className="site-account__panel"
                data-open={account.isOpen}
                onClick={account.closeOnLink}
              >
                <span className="site-account__email">{viewer.email}</span>
                <NavLink href="/account">My models</NavLink>
                <NavLink href="/settings/tokens">Tokens</NavLink>
                {viewer.role === 'ADMIN' ? <NavLink href="/admin">Admin</NavLink> : null}
                <SignOutButton />
              </div>
            </div>
          ) : (
            <>
              <NavLink href="/sign-in">Sign in</NavLink>
              <NavLink href="/sign-up">Sign up</NavLink>
            </>
          )}
        </div>
      </div>
      <Link href="/submit" className="button button--small site-nav__submit">
        Submit<span className="hide-narrow"> a model</span>
      </Link>
    </nav>
  );
}
