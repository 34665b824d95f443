import { CLASS_COUNT, describeLayout, IMAGE_SIDE, type InputLayout, inputShape } from '@tenfold/contract';
import { ModelError } from '../errors.ts';
import type { TfjsModel } from './load-tfjs-model.ts';

/** A pinned batch is padded and allocated as is: bound it (the test split has 10,000 images). */
const MAX_PINNED_BATCH = 10_000;

function formatShape(shape: ReadonlyArray<number | null>): string {
  return `[${shape.map((dim) => dim ?? 'N').join(', ')}]`;
}

function isBareImage(shape: ReadonlyArray<number | null>): boolean {
  return shape.length === 3 && shape[1] === IMAGE_SIDE && shape[2] === IMAGE_SIDE;
}

/**
 * Checks the model's declared input and output against the submitter's contract before any
 * image is run (the TF.js twin of checkOnnxSignature). Returns the batch size when the model
 * pinned one, so that the last batch can be padded to it.
 */
export function checkTfjsSignature(model: TfjsModel, layout: InputLayout): { batchSize: number | null } {
  const [input, ...otherInputs] = model.inputs;
  if (!input || otherInputs.length > 0) {
    throw new ModelError(
      `The model has ${model.inputs.length} inputs (${model.inputs.map((i) => i.name).join(', ')}); Tenfold feeds exactly one image tensor.`,
    );
  }
  const [output, ...otherOutputs] = model.outputs;
  if (!output || otherOutputs.length > 0) {
    throw new ModelError(
      `The model has ${model.outputs.length} outputs (${model.outputs.map((o) => o.name).join(', ')}); Tenfold reads exactly one: ${CLASS_COUNT} scores per image.`,
    );
  }
  if (input.dtype !== undefined && input.dtype !== 'float32') {
    throw new ModelError(`The model's input "${input.name}" is ${input.dtype}; Tenfold feeds float32 images.`);
  }
  const expected = inputShape(layout, 0);
  const declared = input.shape;
  if (declared && isBareImage(declared) && layout !== 'nhw') {
    throw new ModelError(
      `The model's input "${input.name}" has shape ${formatShape(declared)}, without a channel axis (Keras Input(shape=(28, 28)) or Flatten(input_shape=(28, 28))), but layout ${layout} was declared (${describeLayout(layout)}). Declare layout nhw.`,
    );
  }
  const matches =
    declared === undefined ||
    (declared.length === expected.length && declared.every((dim, i) => i === 0 || dim === null || dim === expected[i]));
  if (!matches) {
    throw new ModelError(
      `The model's input "${input.name}" has shape ${formatShape(declared ?? [])}, which does not fit the declared input layout (${describeLayout(layout)}). Declare the layout the model was built with.`,
    );
  }
  const last = output.shape?.at(-1);
  if (output.shape && last !== null && last !== CLASS_COUNT) {
    throw new ModelError(
      `The model's output "${output.name}" has shape ${formatShape(output.shape)}: it must end in ${CLASS_COUNT} classes, one score per class.`,
    );
  }
  const batch = declared?.[0];
  if (typeof batch !== 'number' || !Number.isInteger(batch) || batch <= 0) return { batchSize: null };
  if (batch > MAX_PINNED_BATCH) {
    throw new ModelError(
      `The model's input "${input.name}" pins the batch size to ${batch}; Tenfold runs at most ${MAX_PINNED_BATCH} images at once. Save the model with a free batch dimension (None).`,
    );
  }
  return { batchSize: batch };
}
