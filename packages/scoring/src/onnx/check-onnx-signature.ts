import { CLASS_COUNT, describeLayout, type InputLayout, inputShape } from '@tenfold/contract';
import type { InferenceSession } from 'onnxruntime-node';
import { ModelError } from '../errors.ts';

function formatShape(shape: ReadonlyArray<number | string>): string {
  return `[${shape.map((dim) => (typeof dim === 'number' && dim >= 0 ? dim : 'N')).join(', ')}]`;
}

/**
 * The scores output must be a float32 [N, 10] tensor. A shape of rank 0 is what ONNX Runtime
 * reports when the model declares none; the run-time check in predictOnnx covers that case.
 */
function checkOutput(output: InferenceSession.ValueMetadata): void {
  if (!output.isTensor) {
    throw new ModelError(
      `The model's output "${output.name}" is not a tensor (a sequence of maps, what skl2onnx's default ZipMap writes); Tenfold reads one float32 tensor of shape [N, ${CLASS_COUNT}]. With skl2onnx, convert with options={id(model): {'zipmap': False}} to get the probabilities as a tensor.`,
    );
  }
  if (output.type !== 'float32') {
    throw new ModelError(
      `The model's output "${output.name}" is ${output.type}; Tenfold expects float32 scores (logits or probabilities), not class indices.`,
    );
  }
  const shape = output.shape;
  const last = shape.at(-1);
  const hasWrongClasses = typeof last === 'number' && last >= 0 && last !== CLASS_COUNT;
  if ((shape.length > 0 && shape.length !== 2) || hasWrongClasses) {
    throw new ModelError(
      `The model's output "${output.name}" has shape ${formatShape(shape)}: it must be [N, ${CLASS_COUNT}], one score per class for each image.`,
    );
  }
}

/** Would checkOutput accept this output? */
function isScoresOutput(output: InferenceSession.ValueMetadata): boolean {
  try {
    checkOutput(output);
    return true;
  } catch {
    return false;
  }
}

/** Why a non-float32 input is refused, with the export option that fixes it. */
function inputTypeAdvice(type: string): string {
  if (type === 'float16') {
    return ' Keep float32 inputs and outputs when converting to float16 (onnxconverter-common: convert_float_to_float16(model, keep_io_types=True)).';
  }
  if (type === 'uint8') {
    return ' To feed raw bytes, export with a float32 input instead (cast inside the model if it must) and declare scale byte (0..255).';
  }
  return '';
}

export type OnnxSignature = { inputName: string; outputName: string; batchSize: number | null };

/**
 * Checks the model's declared input and output against the submitter's contract before any
 * image is run, so a mismatch is reported as a contract problem rather than a crash.
 * Returns the fixed batch size when the export pinned one (a common torch.onnx.export default).
 */
export function checkOnnxSignature(session: InferenceSession, layout: InputLayout): OnnxSignature {
  const inputs = session.inputMetadata;
  if (inputs.length !== 1) {
    throw new ModelError(
      `The model has ${inputs.length} inputs (${inputs.map((i) => i.name).join(', ')}); Tenfold feeds exactly one image tensor.`,
    );
  }
  const input = inputs[0];
  // Exporters often write a class label beside the scores (skl2onnx's int64 "label" before
  // "probabilities", Keras heads with two outputs): the scores are the float32 [N, 10] output,
  // wherever it is. Without one, the first output's problem is what the submitter is told.
  const output = session.outputMetadata.find(isScoresOutput) ?? session.outputMetadata[0];
  if (!input || !output) throw new ModelError('The model declares no outputs.');
  if (!input.isTensor || input.type !== 'float32') {
    const type = input.isTensor ? input.type : 'a non-tensor value';
    throw new ModelError(
      `The model's input "${input.name}" is ${type}; Tenfold feeds float32 images.${inputTypeAdvice(type)}`,
    );
  }
  const expected = inputShape(layout, 0);
  const declared = input.shape;
  const matches =
    declared.length === 0 ||
    (declared.length === expected.length &&
      declared.every((dim, i) => i === 0 || typeof dim !== 'number' || dim < 0 || dim === expected[i]));
  if (!matches) {
    throw new ModelError(
      `The model's input "${input.name}" has shape ${formatShape(declared)}, which does not fit the declared input layout (${describeLayout(layout)}). Declare the layout the model was exported with.`,
    );
  }
  checkOutput(output);
  const batch = declared[0];
  return {
    inputName: input.name,
    outputName: output.name,
    batchSize: typeof batch === 'number' && batch > 0 ? batch : null,
  };
}
