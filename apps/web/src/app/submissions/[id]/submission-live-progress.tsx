'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isActiveStatus, type SubmissionProgress, submissionProgressSchema } from '@/lib/submission-progress';

type Props = { id: string; status: string; progressImages: number };

function describeEta(etaMs: number): string {
  const seconds = Math.ceil(etaMs / 1000);
  if (seconds <= 1) return 'any moment now';
  if (seconds < 90) return `about ${seconds} s to go`;
  return `about ${Math.round(seconds / 60)} min to go`;
}

function describe(progress: SubmissionProgress | null): string {
  if (!progress) return '';
  const parts: string[] = [];
  if (progress.queuedAhead !== null) {
    parts.push(progress.queuedAhead === 0 ? 'next in the queue' : `${progress.queuedAhead} ahead in the queue`);
  }
  if (progress.etaMs !== null) parts.push(describeEta(progress.etaMs));
  return parts.map((part) => ` · ${part}`).join('');
}

/**
 * While a submission is queued or running, listens to GET /api/submissions/[id]/events
 * (server-sent events read from PostgreSQL) and re-renders the server page whenever its status
 * or progress moved; shows the place in the queue and the ETA as they change.
 */
export function SubmissionLiveProgress({ id, status, progressImages }: Props) {
  const router = useRouter();
  const lastSeen = useRef(`${status}:${progressImages}`);
  const [progress, setProgress] = useState<SubmissionProgress | null>(null);
  const isLive = isActiveStatus(status);

  useEffect(() => {
    lastSeen.current = `${status}:${progressImages}`;
  }, [status, progressImages]);

  useEffect(() => {
    if (!isLive) return;
    const source = new EventSource(`/api/submissions/${encodeURIComponent(id)}/events`);
    source.onmessage = (event: MessageEvent<string>) => {
      let parsed: ReturnType<typeof submissionProgressSchema.safeParse>;
      try {
        parsed = submissionProgressSchema.safeParse(JSON.parse(event.data));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const latest = parsed.data;
      setProgress(latest);
      const seen = `${latest.status}:${latest.progressImages}`;
      if (seen !== lastSeen.current) {
        lastSeen.current = seen;
        router.refresh();
      }
      // A final state is the stream's last event; closing stops EventSource from reconnecting.
      if (!isActiveStatus(latest.status)) source.close();
    };
    source.addEventListener('gone', () => source.close());
    return () => source.close();
  }, [id, isLive, router]);

  if (!isLive) return null;
  return (
    <p className="live muted small" aria-live="polite" data-testid="submission-live">
      <span className="live__dot" aria-hidden="true" /> Updating live{describe(progress)}
    </p>
  );
}
