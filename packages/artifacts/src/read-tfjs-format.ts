/** The two TF.js model kinds, as model.json's `format` names them. */
export type TfjsKind = 'layers-model' | 'graph-model';

/** model.json describes topology only; anything larger is not a TF.js model.json. */
export const MAX_MODEL_JSON_BYTES = 8 * 1024 * 1024;

/**
 * Reads which kind of TF.js model a model.json declares, or says what is wrong with it in
 * words the uploader can act on. A quick check at upload; the scorer validates the rest.
 */
export function readTfjsFormat(modelJson: Uint8Array): { kind: TfjsKind } | { problem: string } {
  if (modelJson.byteLength > MAX_MODEL_JSON_BYTES) return { problem: 'model.json is larger than 8 MB.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(modelJson));
  } catch {
    return { problem: 'model.json is not valid JSON.' };
  }
  const format = typeof parsed === 'object' && parsed !== null ? (parsed as { format?: unknown }).format : undefined;
  if (format === 'layers-model' || format === 'graph-model') return { kind: format };
  return {
    problem:
      'model.json does not say "format": "layers-model" or "graph-model"; save the model with tf.LayersModel.save() or convert it with tensorflowjs_converter.',
  };
}
