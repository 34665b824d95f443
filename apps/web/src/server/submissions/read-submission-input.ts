import { readFormData } from '@/server/http/read-form-data';
import type { SubmissionInput } from './submission-input.ts';
import type { SubmissionFailure } from './submission-refusal.ts';

/** Room for multipart boundaries, headers and the text fields around the file. */
const MULTIPART_ALLOWANCE_BYTES = 256 * 1024;
const TEXT_FIELDS = ['dataset', 'modelName', 'layout', 'scale', 'mean', 'std', 'output', 'visibility'] as const;

export type ReadSubmissionInputResult = { ok: true; input: SubmissionInput } | SubmissionFailure;

/**
 * The multipart upload (the /submit form, /api/submissions and /api/v1/submissions) as
 * create-submission's input: the text fields and every `file` part.
 */
export async function readSubmissionInput(
  request: Request,
  maxUploadBytes: number,
): Promise<ReadSubmissionInputResult> {
  const body = await readFormData(request, maxUploadBytes + MULTIPART_ALLOWANCE_BYTES);
  if (!body.ok) {
    return body.reason === 'too_large'
      ? { ok: false, status: 413, errors: { file: 'file_too_large' } }
      : { ok: false, status: 400, errors: { form: 'form_malformed' } };
  }
  const input: SubmissionInput = {};
  for (const field of TEXT_FIELDS) {
    const value = body.formData.get(field);
    if (typeof value === 'string') input[field] = value;
  }
  const parts = body.formData.getAll('file').filter((part): part is File => typeof part === 'object');
  input.files = await Promise.all(
    parts.map(async (part) => ({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) })),
  );
  return { ok: true, input };
}
