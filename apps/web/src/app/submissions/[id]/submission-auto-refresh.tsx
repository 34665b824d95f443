'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const POLL_INTERVAL_MS = 1_000;

type Props = { id: string; status: string; progressImages: number };

const isActive = (status: string) => status === 'QUEUED' || status === 'RUNNING';

/**
 * While a submission is queued or running, asks GET /api/submissions/[id] once a second and
 * re-renders the server page whenever its state moved. The page itself stays a server component.
 */
export function SubmissionAutoRefresh({ id, status, progressImages }: Props) {
  const router = useRouter();
  const lastSeen = useRef(`${status}:${progressImages}`);

  useEffect(() => {
    lastSeen.current = `${status}:${progressImages}`;
  }, [status, progressImages]);

  useEffect(() => {
    if (!isActive(status)) return;
    let isCancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      let shouldContinue = true;
      try {
        const response = await fetch(`/api/submissions/${encodeURIComponent(id)}`, {
          cache: 'no-store',
          headers: { Accept: 'application/json' },
        });
        if (response.ok) {
          const latest = (await response.json()) as { status: string; progressImages: number };
          const seen = `${latest.status}:${latest.progressImages}`;
          if (!isCancelled && seen !== lastSeen.current) {
            lastSeen.current = seen;
            router.refresh();
          }
          shouldContinue = isActive(latest.status);
        }
      } catch {
        // A dropped request is retried on the next tick.
      }
      if (!isCancelled && shouldContinue) timer = setTimeout(poll, POLL_INTERVAL_MS);
    }

    timer = setTimeout(poll, POLL_INTERVAL_MS);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [id, status, router]);

  if (!isActive(status)) return null;
  return (
    <p className="live muted small" aria-live="polite">
      <span className="live__dot" aria-hidden="true" /> Updating live
    </p>
  );
}
