import * as tf from '@tensorflow/tfjs';
import { ModelError } from '../errors.ts';
import type { CheckedTfjsModel } from './check-tfjs-manifest.ts';

export type TensorDescription = { name: string; dtype: string | undefined; shape: Array<number | null> | undefined };

/** What prediction needs from either kind of TF.js model. */
export type TfjsModel = {
  inputs: TensorDescription[];
  outputs: TensorDescription[];
  /** Runs one batch; the caller disposes the input and the result. */
  run(input: tf.Tensor): Promise<tf.Tensor | tf.Tensor[]>;
  dispose(): void;
};

function describe(name: string, dtype: string | undefined, shape: ReadonlyArray<number | null> | undefined) {
  // GraphModel writes unknown dimensions as -1, LayersModel as null.
  return { name, dtype, shape: shape?.map((dim) => (dim === null || dim < 0 ? null : dim)) };
}

function wrapLayersModel(model: tf.LayersModel): TfjsModel {
  return {
    inputs: model.inputs.map((input) => describe(input.name, input.dtype, input.shape)),
    outputs: model.outputs.map((output) => describe(output.name, output.dtype, output.shape)),
    // batchSize = the whole batch: predict would otherwise split it into slices of 32.
    run: async (input) => model.predict(input, { batchSize: input.shape[0] }),
    dispose: () => model.dispose(),
  };
}

function wrapGraphModel(model: tf.GraphModel): TfjsModel {
  // execute() refuses graphs with control flow or dynamic shapes; those need executeAsync().
  let isAsync = false;
  return {
    inputs: model.inputs.map((input) => describe(input.name, input.dtype, input.shape)),
    outputs: model.outputs.map((output) => describe(output.name, output.dtype, output.shape)),
    run: async (input) => {
      if (!isAsync) {
        try {
          return model.execute(input);
        } catch (error) {
          if (!(error instanceof Error && error.message.includes('executeAsync'))) throw error;
          isAsync = true;
        }
      }
      return model.executeAsync(input);
    },
    dispose: () => model.dispose(),
  };
}

/**
 * Builds the model from checked artifacts through an in-memory IOHandler, so TF.js never
 * fetches or reads a file. Layers models load strictly: a weight missing from, or extra to,
 * the topology is an error rather than a silently random layer.
 */
export async function loadTfjsModel(checked: CheckedTfjsModel): Promise<TfjsModel> {
  const handler: tf.io.IOHandler = { load: async () => checked.artifacts };
  try {
    if (checked.format === 'layers-model') return wrapLayersModel(await tf.loadLayersModel(handler, { strict: true }));
    return wrapGraphModel(await tf.loadGraphModel(handler));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`TF.js could not load the model: ${detail.slice(0, 500)}`);
  }
}
