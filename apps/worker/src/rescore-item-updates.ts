import type { Prisma } from '@tenfold/db';

// The writes that end or hand back a rescore item, shared by the job and the reconciler. None of
// them touches the submission: it stays SCORED with its evaluation in force throughout.

export function itemFailedUpdate(reason: string, now = new Date()): Prisma.RescoreItemUpdateManyMutationInput {
  return { status: 'FAILED', statusReason: reason, heartbeatAt: null, finishedAt: now };
}

export function itemCancelledUpdate(now = new Date()): Prisma.RescoreItemUpdateManyMutationInput {
  return { status: 'CANCELLED', statusReason: 'The batch was cancelled.', heartbeatAt: null, finishedAt: now };
}

export function itemRequeueUpdate(reason: string): Prisma.RescoreItemUpdateManyMutationInput {
  return { status: 'QUEUED', statusReason: reason, workerId: null, heartbeatAt: null };
}
