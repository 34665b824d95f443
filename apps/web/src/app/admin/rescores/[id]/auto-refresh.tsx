'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 2_000;

/**
 * Re-renders the server page every two seconds while the batch runs; each render reads progress
 * from PostgreSQL, so the report appears alone once the worker ended the batch.
 */
export function AutoRefresh({ isRunning }: { isRunning: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isRunning, router]);
  if (!isRunning) return null;
  return (
    <p className="live muted small" aria-live="polite" data-testid="rescore-live">
      <span className="live__dot" aria-hidden="true" /> Updating live
    </p>
  );
}
