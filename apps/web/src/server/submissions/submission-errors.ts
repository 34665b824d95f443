import { formatBytes } from '@/lib/format';

/** The form's fields, as named in the multipart body and in field-level errors. */
export const SUBMISSION_FIELDS = [
  'dataset',
  'modelName',
  'file',
  'layout',
  'scale',
  'mean',
  'std',
  'output',
  'visibility',
  'form',
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

type MessageContext = { maxUploadBytes: number; submissionsPerHour: number; submissionsPerDay: number };

/**
 * Every way a submission can be refused, with the sentence that tells the user what to fix.
 * Errors travel as codes (a form post redirects back to /submit with them in the query), so
 * only these sentences are ever shown, never text taken from a URL.
 */
export const SUBMISSION_ERRORS = {
  dataset_unknown: { field: 'dataset', message: () => 'Choose a dataset: MNIST or Fashion-MNIST.' },
  model_name_missing: { field: 'modelName', message: () => 'Give your model a name.' },
  model_name_too_long: { field: 'modelName', message: () => 'Use a model name of at most 80 characters.' },
  model_name_charset: {
    field: 'modelName',
    message: () => 'Use only letters, digits, spaces and . _ + - in the model name, starting with a letter or digit.',
  },
  file_missing: {
    field: 'file',
    message: () =>
      'Choose the model to upload: an .onnx file (with the .onnx.data file its export wrote, if any), or a TF.js model (its .zip, or model.json with its .bin files).',
  },
  file_empty: { field: 'file', message: () => 'A chosen file is empty (0 bytes): choose the exported model files.' },
  file_too_large: {
    field: 'file',
    message: (context: MessageContext) => `The upload is larger than the ${formatBytes(context.maxUploadBytes)} limit.`,
  },
  too_many_files: {
    field: 'file',
    message: () => 'Choose at most 64 files: one model (model.json or an .onnx file) and its weight files.',
  },
  tfjs_model_json_missing: {
    field: 'file',
    message: () =>
      'Several files were chosen, so Tenfold expects either a TF.js model (exactly one model.json with its .bin weight files) or an ONNX model (one .onnx file with the external-data files it names).',
  },
  tfjs_model_json_invalid: {
    field: 'file',
    message: () =>
      'This TF.js model could not be read: upload the folder that tf.LayersModel.save() or tensorflowjs_converter wrote, as a .zip or as model.json with its .bin files.',
  },
  duplicate_file_names: {
    field: 'file',
    message: () => 'Two chosen files have the same name: choose each file of the model once.',
  },
  archive_not_model: {
    field: 'file',
    message: () =>
      'This .zip holds no model Tenfold can read: a TF.js model folder (one model.json, format layers-model or graph-model, with its weight files) or an ONNX model with its external-data files (one .onnx file). A PyTorch checkpoint is not a model Tenfold can run: export it with torch.onnx.export.',
  },
  onnx_external_data_missing: {
    field: 'file',
    message: () =>
      'This .onnx file keeps its weights in a separate file that was not chosen with it (torch.onnx.export of PyTorch 2.9 and later writes model.onnx and model.onnx.data). Choose both files, or a .zip of their folder, under the names the export gave them; or export one file with torch.onnx.export(..., external_data=False).',
  },
  onnx_files_unused: {
    field: 'file',
    message: () =>
      'Some chosen files are not read by the .onnx model: choose the .onnx file and exactly the external-data files it names (for PyTorch 2.9 and later: model.onnx and model.onnx.data).',
  },
  onnx_several_models: {
    field: 'file',
    message: () =>
      'Several .onnx files were chosen: upload one model at a time, with the external-data files it names.',
  },
  tfjs_weights_missing: {
    field: 'file',
    message: () =>
      'model.json alone is not a model: choose it together with its .bin weight files, or upload the folder as a .zip.',
  },
  file_not_onnx: {
    field: 'file',
    message: () =>
      'This file does not look like an ONNX model (a protobuf ModelProto). Export it with torch.onnx.export, tf2onnx or skl2onnx.',
  },
  layout_unknown: { field: 'layout', message: () => 'Choose the input layout: NCHW, NHWC, NHW or flat.' },
  scale_unknown: { field: 'scale', message: () => 'Choose how pixels are scaled: unit, byte or standard.' },
  output_unknown: { field: 'output', message: () => 'Choose what the model outputs: logits or probabilities.' },
  visibility_unknown: { field: 'visibility', message: () => 'Choose who sees the model: public or private.' },
  mean_required: { field: 'mean', message: () => 'Standard scaling needs the mean (MNIST: 0.1307).' },
  mean_invalid: { field: 'mean', message: () => 'The mean must be a number, such as 0.1307.' },
  std_required: { field: 'std', message: () => 'Standard scaling needs the standard deviation (MNIST: 0.3081).' },
  std_invalid: { field: 'std', message: () => 'The standard deviation must be a number above 0, such as 0.3081.' },
  form_malformed: {
    field: 'form',
    message: () => 'The upload could not be read. Send the form as multipart/form-data.',
  },
  rate_limited: {
    field: 'form',
    message: (context: MessageContext) =>
      `You have reached the limit of ${context.submissionsPerHour} submissions an hour. Nothing was saved; try again later.`,
  },
  daily_quota: {
    field: 'form',
    message: (context: MessageContext) =>
      `You have used your quota of ${context.submissionsPerDay} submissions in 24 hours (cancelled submissions and failures caused by Tenfold do not count). Nothing was saved; try again later.`,
  },
  server_unavailable: {
    field: 'form',
    message: () => 'Tenfold could not store the upload just now. Nothing was saved; please try again in a minute.',
  },
} as const satisfies Record<string, { field: SubmissionField; message: (context: MessageContext) => string }>;

export type SubmissionErrorCode = keyof typeof SUBMISSION_ERRORS;

export function isSubmissionErrorCode(value: string): value is SubmissionErrorCode {
  return Object.hasOwn(SUBMISSION_ERRORS, value);
}

/** At most one error per field: the first one found. */
export type SubmissionErrors = Partial<Record<SubmissionField, SubmissionErrorCode>>;

export function describeSubmissionErrors(
  errors: SubmissionErrors,
  context: MessageContext,
): Partial<Record<SubmissionField, string>> {
  const messages: Partial<Record<SubmissionField, string>> = {};
  for (const [field, code] of Object.entries(errors) as Array<[SubmissionField, SubmissionErrorCode]>) {
    messages[field] = SUBMISSION_ERRORS[code].message(context);
  }
  return messages;
}
