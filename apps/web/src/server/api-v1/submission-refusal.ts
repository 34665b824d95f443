import { describeSubmissionErrors, type SubmissionErrors } from '@/server/submissions/submission-errors';
import { type ApiErrorCode, apiError } from './api-error.ts';

type MessageContext = Parameters<typeof describeSubmissionErrors>[1];
export type SubmissionRefusal = { httpStatus: number; errors: SubmissionErrors; retryAfterSeconds?: number };

function codeOf(refusal: SubmissionRefusal): ApiErrorCode {
  if (refusal.errors.form === 'daily_quota') return 'quota_exceeded';
  if (refusal.errors.form === 'rate_limited') return 'rate_limited';
  if (refusal.errors.form === 'server_unavailable') return 'unavailable';
  return refusal.httpStatus === 413 ? 'payload_too_large' : 'invalid_input';
}

/**
 * A refused upload in the /api/v1 error shape, with the same sentences the /submit form shows.
 * Field problems go to `fields`; a problem with the request as a whole (`form`) only to `message`.
 */
export function submissionRefusal(refusal: SubmissionRefusal, context: MessageContext): Response {
  const { form, ...described } = describeSubmissionErrors(refusal.errors, context);
  const fieldMessages = Object.fromEntries(
    Object.entries(described).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const code = codeOf(refusal);
  const message = [form, ...Object.values(fieldMessages)].filter(Boolean).join(' ');
  const headers: Record<string, string> =
    refusal.retryAfterSeconds !== undefined ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {};
  const hasFields = Object.keys(fieldMessages).length > 0 && code === 'invalid_input';
  return apiError(refusal.httpStatus, code, message, { headers, ...(hasFields ? { fields: fieldMessages } : {}) });
}
