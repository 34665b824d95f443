import Link from 'next/link';

/**
 * Static, because every cached page includes it. Rendered for an unknown URL, it carries the
 * nonce of that request and is never stored (page-cache/page-cache-handler.mjs); rendered inside
 * a cached page, it is stored with that page's hashes.
 */
export default function NotFound() {
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
