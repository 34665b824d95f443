import { type RefusalCode, type Refused, refuse } from '@/server/http/refusal';
import { describeSubmissionErrors, type SubmissionErrors } from './submission-errors.ts';

type MessageContext = Parameters<typeof describeSubmissionErrors>[1];

/**
 * An upload's "no" as the upload reader and createSubmission return it: codes per field, since
 * the /submit form puts them back into its URL to show each sentence beside its field.
 */
export type SubmissionFailure = {
  ok: false;
  status: 400 | 413 | 429 | 503;
  errors: SubmissionErrors;
  retryAfterSeconds?: number;
};

function codeOf(failure: SubmissionFailure): RefusalCode {
  if (failure.errors.form === 'daily_quota') return 'quota_exceeded';
  if (failure.errors.form === 'rate_limited') return 'rate_limited';
  if (failure.errors.form === 'server_unavailable') return 'unavailable';
  return failure.status === 413 ? 'payload_too_large' : 'invalid_input';
}

/**
 * A refused upload as one Refusal, with the same sentences the /submit form shows. Field problems
 * go to `fields` (for invalid input); a problem with the request as a whole (`form`) only to the
 * message. /api answers also carry every sentence and code by field (`errors`, `codes`), which the
 * site's enhanced form reads.
 */
export function submissionRefusal(failure: SubmissionFailure, context: MessageContext): Refused {
  const { form, ...described } = describeSubmissionErrors(failure.errors, context);
  const fieldMessages = Object.fromEntries(
    Object.entries(described).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const code = codeOf(failure);
  const message = [form, ...Object.values(fieldMessages)].filter(Boolean).join(' ');
  const hasFields = Object.keys(fieldMessages).length > 0 && code === 'invalid_input';
  return refuse(failure.status, message, {
    code,
    ...(hasFields ? { fields: fieldMessages } : {}),
    details: { errors: describeSubmissionErrors(failure.errors, context), codes: failure.errors },
    ...(failure.retryAfterSeconds !== undefined
      ? { headers: { 'Retry-After': String(failure.retryAfterSeconds) } }
      : {}),
  });
}
