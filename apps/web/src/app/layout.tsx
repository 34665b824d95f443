import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tenfold: an open benchmark for image classifiers', template: '%s · Tenfold' },
  description:
    'Upload a trained image classifier and see it scored on the 10,000 test images of MNIST or Fashion-MNIST, ranked on open leaderboards.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main className="page">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
