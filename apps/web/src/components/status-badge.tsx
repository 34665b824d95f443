import type { SubmissionStatus } from '@tenfold/db';

const LABELS: Record<SubmissionStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Scoring',
  SCORED: 'Scored',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function StatusBadge({ status, testId }: { status: SubmissionStatus; testId?: string }) {
  return (
    <span className={`badge badge--${status.toLowerCase()}`} data-status={status} data-testid={testId}>
      {LABELS[status]}
    </span>
  );
}
