import { readFormData } from '@/server/http/read-form-data';
import type { SubmissionErrors } from '@/server/submissions/submission-errors';
import type { SubmissionInput } from '@/server/submissions/submission-input';

/** Room for multipart boundaries, headers and the text fields around the file (as POST /api/submissions). */
const MULTIPART_ALLOWANCE_BYTES = 256 * 1024;
const TEXT_FIELDS = ['dataset', 'modelName', 'layout', 'scale', 'mean', 'std', 'output', 'visibility'] as const;

export type ReadSubmissionInputResult =
  | { ok: true; input: SubmissionInput }
  | { ok: false; httpStatus: 400 | 413; errors: SubmissionErrors };

/** The multipart upload as create-submission's input: the text fields and every `file` part. */
export async function readSubmissionInput(
  request: Request,
  maxUploadBytes: number,
): Promise<ReadSubmissionInputResult> {
  const body = await readFormData(request, maxUploadBytes + MULTIPART_ALLOWANCE_BYTES);
  if (!body.ok) {
    return body.reason === 'too_large'
      ? { ok: false, httpStatus: 413, errors: { file: 'file_too_large' } }
      : { ok: false, httpStatus: 400, errors: { form: 'form_malformed' } };
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
