import { z } from 'zod';
import { MAX_TFJS_FILES, MAX_TFJS_PATH_LENGTH, MAX_TFJS_TENSOR_ELEMENTS, MAX_TFJS_WEIGHTS } from './tfjs-limits.ts';

// Objects are loose: converters add fields over time. Only the fields named here reach TF.js,
// because check-tfjs-manifest.ts rebuilds the artifacts from the parsed values.

/** Bytes per stored element (tfjs-core's DTYPE_VALUE_SIZE_MAP). */
export const BYTES_PER_ELEMENT = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 } as const;

const name = z.string().min(1).max(1000);
const jsonObject = z.record(z.string(), z.unknown());

export const weightSpecSchema = z.looseObject({
  name,
  // Rank 6 is the most TF.js kernels take; 8 leaves room without allowing absurd shapes.
  shape: z.array(z.number().int().min(0).max(MAX_TFJS_TENSOR_ELEMENTS)).max(8),
  // string and complex64 weights have no place in an image classifier: string sizes cannot be
  // checked against the shards without parsing them.
  dtype: z.enum(['float32', 'int32', 'bool']),
  group: z.enum(['model', 'optimizer']).optional(),
  quantization: z
    .looseObject({
      dtype: z.enum(['uint8', 'uint16', 'float16']),
      scale: z.number().optional(),
      min: z.number().optional(),
    })
    .optional(),
});

export type WeightSpec = z.infer<typeof weightSpecSchema>;

export const tfjsModelJsonSchema = z.looseObject({
  format: z.enum(['layers-model', 'graph-model'], {
    error: 'expected "layers-model" or "graph-model" (TF.js 1.0 and later write it; re-save older models)',
  }),
  generatedBy: z.string().max(1000).optional(),
  convertedBy: z.string().max(1000).nullable().optional(),
  modelTopology: jsonObject,
  weightsManifest: z
    .array(
      z.looseObject({
        paths: z.array(z.string().max(MAX_TFJS_PATH_LENGTH)).min(1).max(MAX_TFJS_FILES),
        weights: z.array(weightSpecSchema).max(MAX_TFJS_WEIGHTS),
      }),
    )
    .max(MAX_TFJS_FILES),
  signature: jsonObject.optional(),
  modelInitializer: jsonObject.optional(),
  initializerSignature: jsonObject.optional(),
});

export type TfjsModelJson = z.infer<typeof tfjsModelJsonSchema>;

export const graphNodeSchema = z.looseObject({
  name,
  op: z.string().min(1).max(200),
  input: z.array(z.string().max(1000)).optional(),
  attr: jsonObject.optional(),
});

export const graphTopologySchema = z.looseObject({
  node: z.array(graphNodeSchema),
  library: z
    .looseObject({
      function: z.array(z.looseObject({ nodeDef: z.array(graphNodeSchema).optional() })).optional(),
    })
    .optional(),
  // GraphModel reads versions.producer unconditionally when it loads.
  versions: jsonObject,
});

export const layerNodeSchema = z.looseObject({ class_name: z.string().min(1).max(200), config: z.unknown() });
