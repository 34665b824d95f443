'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

type Props = {
  href: string;
  children: ReactNode;
  /** Active only on this very path, not below it (a tab whose siblings live under it). */
  exact?: boolean;
  className?: string;
  testId?: string;
};

export function NavLink({ href, children, exact = false, className = 'site-nav__link', testId }: Props) {
  const pathname = usePathname();
  const isActive = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} className={className} aria-current={isActive ? 'page' : undefined} data-testid={testId}>
      {children}
    </Link>
  );
}
