/**
 * When the console calls something stuck or stale. Generous next to the worker's own limits
 * (STALE_AFTER_MS 20 s, WORKER_HEARTBEAT_MS 5 s), so a slow moment is not flagged as a fault.
 */
export const STUCK_RUNNING_AFTER_MS = 2 * 60_000;
export const STUCK_QUEUED_AFTER_MS = 30 * 60_000;
export const STALE_WORKER_AFTER_MS = 60_000;

/** Bulk actions and reasons: enough for a page of results, small enough for one request. */
export const MAX_BULK_IDS = 500;
export const MAX_REASON_LENGTH = 500;
