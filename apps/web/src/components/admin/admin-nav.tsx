'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/submissions', label: 'Submissions' },
  { href: '/admin/models', label: 'Models' },
  { href: '/admin/suspicious', label: 'Suspicious' },
  { href: '/admin/rescores', label: 'Rescores' },
  { href: '/admin/label-flags', label: 'Label flags' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/users', label: 'Users' },
] as const;

/** The console's sections; wraps onto several lines on a phone rather than scrolling sideways. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label="Admin" data-testid="admin-nav">
      {LINKS.map(({ href, label }) => {
        const isActive = href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
        return (
          // No prefetch: each section runs its own queries (the suspicious list reads every scored row).
          <Link
            key={href}
            href={href}
            prefetch={false}
            className="admin-nav__link"
            aria-current={isActive ? 'page' : undefined}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
