import { isDatasetId } from '@tenfold/datasets/catalog';
import {
  isSubmissionErrorCode,
  SUBMISSION_ERRORS,
  SUBMISSION_FIELDS,
  type SubmissionErrors,
  type SubmissionField,
} from './submission-errors.ts';
import { MODEL_NAME_MAX_LENGTH } from './submission-input.ts';

/** The text fields a form post echoes back to /submit after a refusal (a file cannot be). */
const ECHOED_FIELDS = ['dataset', 'modelName', 'layout', 'scale', 'mean', 'std', 'output', 'visibility'] as const;
export type SubmitFormValues = Partial<Record<(typeof ECHOED_FIELDS)[number], string>>;

const ERROR_PREFIX = 'err_';
const ECHO_MAX_LENGTH = Math.max(MODEL_NAME_MAX_LENGTH, 40) + 20;

/** `/submit?...` carrying the submitted values and the error codes, for browsers without JavaScript. */
export function buildSubmitFormUrl(errors: SubmissionErrors, values: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const field of ECHOED_FIELDS) {
    const value = values[field];
    if (typeof value === 'string' && value !== '') query.set(field, value.slice(0, ECHO_MAX_LENGTH));
  }
  for (const [field, code] of Object.entries(errors)) query.set(`${ERROR_PREFIX}${field}`, code);
  const search = query.toString();
  return search ? `/submit?${search}` : '/submit';
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads /submit's query back. Only known error codes (for their own field) survive, so a crafted link cannot put
 * words of its own on the page; echoed values are shown as form values, never as markup.
 */
export function readSubmitFormQuery(query: SearchParams): { values: SubmitFormValues; errors: SubmissionErrors } {
  const values: SubmitFormValues = {};
  for (const field of ECHOED_FIELDS) {
    const value = first(query[field]);
    if (value !== undefined) values[field] = value.slice(0, ECHO_MAX_LENGTH);
  }
  if (values.dataset !== undefined && !isDatasetId(values.dataset)) delete values.dataset;

  const errors: SubmissionErrors = {};
  for (const field of SUBMISSION_FIELDS) {
    const code = first(query[`${ERROR_PREFIX}${field}`]);
    if (code && isSubmissionErrorCode(code) && SUBMISSION_ERRORS[code].field === field)
      errors[field as SubmissionField] = code;
  }
  return { values, errors };
}
