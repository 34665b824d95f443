import type { SubmitFields } from './parse-command-line.ts';
import type { ModelUpload } from './read-model-files.ts';

/** The multipart body of POST /api/v1/submissions, field for field as the site's form sends it. */
export function buildSubmissionForm(fields: SubmitFields, upload: ModelUpload): FormData {
  const form = new FormData();
  form.set('dataset', fields.dataset);
  form.set('modelName', fields.modelName);
  form.set('layout', fields.layout);
  form.set('scale', fields.scale);
  if (fields.mean !== undefined) form.set('mean', String(fields.mean));
  if (fields.std !== undefined) form.set('std', String(fields.std));
  form.set('output', fields.output);
  form.set('visibility', fields.visibility);
  for (const file of upload.files) form.append('file', new File([file.bytes], file.name));
  return form;
}
