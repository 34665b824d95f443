import type { FailureKind, Role, SubmissionStatus } from '@tenfold/db';

/** Who reads a submission's status reason, as far as its wording goes. */
export type ReasonReader = 'admin' | 'owner' | 'other';

/** Admin rights come with a browser session only: an API token's actor has role USER. */
export function reasonReaderOf(viewer: { userId: string; role: Role } | null, ownerId: string): ReasonReader {
  if (viewer?.role === 'ADMIN') return 'admin';
  return viewer?.userId === ownerId ? 'owner' : 'other';
}

const PLATFORM_FAILURE = {
  owner:
    "Tenfold could not score this submission because of a fault on Tenfold's side, not your model. It does not count against your quota; an admin can retry it.",
  other: "Scoring failed because of a fault on Tenfold's side, not the model; an admin can retry it.",
} as const;
const PLATFORM_RETRY = "Scoring was interrupted by a fault on Tenfold's side; it will be retried.";

/**
 * The status reason a reader may see. The worker's own words about a platform fault (storage
 * URLs, paths, settings it failed on) are for admins only: nobody else can act on them, and
 * they map the installation for an attacker. A model's failure stays as written: its owner
 * needs it to fix the file.
 */
export function statusReasonFor(
  reader: ReasonReader,
  row: { status: SubmissionStatus; failureKind: FailureKind | null; statusReason: string | null },
): string | null {
  if (reader === 'admin' || row.statusReason === null) return row.statusReason;
  if (row.status === 'FAILED' && row.failureKind === 'PLATFORM') return PLATFORM_FAILURE[reader];
  // A reason on a queued or running submission is a requeue note from the worker or the reconciler.
  if (row.status === 'QUEUED' || row.status === 'RUNNING') return PLATFORM_RETRY;
  return row.statusReason;
}
