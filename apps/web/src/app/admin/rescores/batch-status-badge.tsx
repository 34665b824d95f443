import type { RescoreBatchStatus } from '@tenfold/db';

const LOOK: Record<RescoreBatchStatus, { className: string; label: string }> = {
  RUNNING: { className: 'badge badge--running', label: 'Running' },
  DONE: { className: 'badge badge--scored', label: 'Done' },
  CANCELLED: { className: 'badge badge--cancelled', label: 'Cancelled' },
};

export function BatchStatusBadge({ status }: { status: RescoreBatchStatus }) {
  const look = LOOK[status];
  return (
    <span className={look.className} data-testid="batch-status" data-status={status}>
      {look.label}
    </span>
  );
}
