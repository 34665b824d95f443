import type { io } from '@tensorflow/tfjs';
import { ModelError } from '../errors.ts';
import { checkGraphTopology } from './check-graph-topology.ts';
import { checkJsonNesting } from './check-json-nesting.ts';
import { checkLayersTopology } from './check-layers-topology.ts';
import { findPathProblem } from './find-path-problem.ts';
import { parseModelJsonPart } from './parse-model-json-part.ts';
import { MAX_TFJS_TENSOR_ELEMENTS } from './tfjs-limits.ts';
import {
  BYTES_PER_ELEMENT,
  type TfjsModelJson,
  tfjsModelJsonSchema,
  type WeightSpec,
} from './tfjs-model-json-schema.ts';
import type { TfjsArchive } from './unpack-tfjs-archive.ts';

export type CheckedTfjsModel = {
  format: 'layers-model' | 'graph-model';
  /** Built only from checked values; handed to TF.js through an in-memory IOHandler. */
  artifacts: io.ModelArtifacts;
  /** Elements of all model weights (optimizer state excluded), as declared and checked. */
  parameterCount: number;
};

function parseModelJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`model.json is not valid UTF-8 JSON: ${detail.slice(0, 200)}`);
  }
}

function countElements(spec: WeightSpec): number {
  const where = `The weight ${JSON.stringify(spec.name)}`;
  let elements = 1;
  for (const dim of spec.shape) {
    elements *= dim;
    if (elements > MAX_TFJS_TENSOR_ELEMENTS) {
      throw new ModelError(
        `${where} has shape [${spec.shape.join(', ')}]: more than ${MAX_TFJS_TENSOR_ELEMENTS} elements.`,
      );
    }
  }
  return elements;
}

function weightBytes(spec: WeightSpec, elements: number): number {
  const where = `The weight ${JSON.stringify(spec.name)}`;
  const quantization = spec.quantization;
  if (!quantization) return elements * BYTES_PER_ELEMENT[spec.dtype];
  // TF.js refuses these combinations only while decoding; say so before loading anything.
  if (quantization.dtype === 'float16' ? spec.dtype !== 'float32' : spec.dtype === 'bool') {
    throw new ModelError(`${where} is ${spec.dtype} quantized as ${quantization.dtype}, which TF.js cannot decode.`);
  }
  if (quantization.dtype !== 'float16' && (quantization.scale === undefined || quantization.min === undefined)) {
    throw new ModelError(`${where} is quantized as ${quantization.dtype} without the scale and min to restore it.`);
  }
  return elements * BYTES_PER_ELEMENT[quantization.dtype];
}

/** The spec as TF.js should see it: no field that was not checked. */
function canonicalSpec(spec: WeightSpec): io.WeightsManifestEntry {
  const canonical: io.WeightsManifestEntry = { name: spec.name, shape: spec.shape, dtype: spec.dtype };
  if (spec.group) canonical.group = spec.group;
  const q = spec.quantization;
  if (q)
    canonical.quantization =
      q.dtype === 'float16' ? { dtype: q.dtype } : { dtype: q.dtype, scale: q.scale, min: q.min };
  return canonical;
}

/**
 * Checks every weight group: paths are plain relative paths to files of the archive, no shard
 * is used twice, weight names are unique, and the declared weights fill the group's shards to
 * the byte (TF.js reads specs back to back across all shards, so one wrong size would shift
 * every later weight). Returns the specs and the concatenated shard bytes.
 */
function checkWeights(
  json: TfjsModelJson,
  archive: TfjsArchive,
): { specs: io.WeightsManifestEntry[]; data: ArrayBuffer; parameterCount: number } {
  const usedPaths = new Set<string>();
  const names = new Set<string>();
  const specs: io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  let parameterCount = 0;
  for (const [index, group] of json.weightsManifest.entries()) {
    let shardBytes = 0;
    for (const path of group.paths) {
      // tfjs-node's model.save('file://dir') writes "./weights.bin": the same file as "weights.bin".
      const name = path.startsWith('./') ? path.slice(2) : path;
      const problem = findPathProblem(name);
      const shown = JSON.stringify(path);
      if (problem) throw new ModelError(`model.json names the weight file ${shown}, which ${problem}.`);
      const shard = archive.files.get(name);
      if (!shard) {
        throw new ModelError(
          `model.json names the weight file ${shown}, which is not in the archive${archive.folder ? ` folder ${JSON.stringify(archive.folder)}` : ''}. Upload it with model.json.`,
        );
      }
      if (usedPaths.has(name)) throw new ModelError(`model.json names the weight file ${shown} twice.`);
      usedPaths.add(name);
      shards.push(shard);
      shardBytes += shard.byteLength;
    }
    let declared = 0;
    for (const spec of group.weights) {
      if (names.has(spec.name))
        throw new ModelError(`model.json declares the weight ${JSON.stringify(spec.name)} twice.`);
      names.add(spec.name);
      const elements = countElements(spec);
      declared += weightBytes(spec, elements);
      if (spec.group !== 'optimizer') parameterCount += elements;
      specs.push(canonicalSpec(spec));
    }
    if (declared !== shardBytes) {
      throw new ModelError(
        `Weight group ${index} of model.json declares ${declared} bytes of weights, but its files (${group.paths.join(', ')}) hold ${shardBytes} bytes. The weight files do not belong to this model.json, or one is truncated.`,
      );
    }
  }
  const data = new Uint8Array(shards.reduce((sum, shard) => sum + shard.byteLength, 0));
  let offset = 0;
  for (const shard of shards) {
    data.set(shard, offset);
    offset += shard.byteLength;
  }
  return { specs, data: data.buffer, parameterCount };
}

/**
 * Checks an unpacked TF.js upload before TF.js sees any of it, and returns the artifacts to load.
 * Nothing is fetched: weight paths resolve only to files of the archive. Extra top-level fields
 * of model.json (trainingConfig, userDefinedMetadata, ...) are dropped, as inference needs none.
 */
export function checkTfjsManifest(archive: TfjsArchive): CheckedTfjsModel {
  const raw = parseModelJson(archive.modelJson);
  checkJsonNesting(raw);
  const json = parseModelJsonPart(tfjsModelJsonSchema, raw, '');
  const weights = checkWeights(json, archive);
  if (json.format === 'layers-model') {
    checkLayersTopology(json.modelTopology);
  } else {
    checkGraphTopology(json.modelTopology, json.modelInitializer, new Set(weights.specs.map((spec) => spec.name)));
  }
  return {
    format: json.format,
    parameterCount: weights.parameterCount,
    artifacts: {
      format: json.format,
      modelTopology: json.modelTopology,
      weightSpecs: weights.specs,
      weightData: weights.data,
      ...(json.generatedBy === undefined ? {} : { generatedBy: json.generatedBy }),
      ...(json.signature === undefined ? {} : { signature: json.signature }),
      ...(json.modelInitializer === undefined ? {} : { modelInitializer: json.modelInitializer }),
      ...(json.initializerSignature === undefined ? {} : { initializerSignature: json.initializerSignature }),
    },
  };
}
