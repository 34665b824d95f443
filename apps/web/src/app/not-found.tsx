import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request like every page, so it gets the proxy's CSP nonce on its scripts.
  await connection();
  return (
    <section className="empty empty--page">
      <p className="eyebrow">404</p>
      <h1>Nothing here</h1>
      <p className="muted">This page, dataset or submission does not exist, or it was removed.</p>
      <p>
        <Link href="/" className="button button--small">
          Back to Tenfold
        </Link>
      </p>
    </section>
  );
}
