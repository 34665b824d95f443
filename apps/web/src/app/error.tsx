'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="empty empty--page" role="alert">
      <p className="eyebrow">Error</p>
      <h1>Something went wrong</h1>
      <p className="muted">Tenfold could not load this page. Nothing you did caused it; try again in a moment.</p>
      <p>
        <button type="button" className="button button--small" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </section>
  );
}
