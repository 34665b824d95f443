import { z } from 'zod';
import { ModelError } from '../errors.ts';
import { KERAS_LAYER_CLASSES } from './keras-layer-classes.ts';
import { parseModelJsonPart } from './parse-model-json-part.ts';
import { MAX_TFJS_LAYERS } from './tfjs-limits.ts';
import { layerNodeSchema } from './tfjs-model-json-schema.ts';

const CONTAINERS = new Set(['Sequential', 'Model', 'Functional']);
const WRAPPERS = new Set(['Bidirectional', 'TimeDistributed']);
const layerNameSchema = z.looseObject({ name: z.string().optional() });

function childrenOf(className: string, config: unknown, where: string): Array<[unknown, string]> {
  if (CONTAINERS.has(className)) {
    // Keras 2.0 wrote a Sequential's config as the bare list of layers; TF.js still reads it.
    const layers = Array.isArray(config)
      ? config
      : parseModelJsonPart(z.looseObject({ layers: z.array(z.unknown()) }), config, `${where}.config`).layers;
    return layers.map((layer, i) => [layer, `${where}.layers.${i}`]);
  }
  if (WRAPPERS.has(className)) {
    const { layer } = parseModelJsonPart(z.looseObject({ layer: z.unknown() }), config, `${where}.config`);
    return [[layer, `${where}.layer`]];
  }
  return [];
}

/**
 * Checks a LayersModel topology (a Keras model config) before TF.js deserializes it: the top is
 * a Sequential or functional model, and every layer, including those of nested models and
 * wrapped layers, is a whitelisted built-in Keras layer. Weights are matched by TF.js itself,
 * which refuses missing or extra weights when loading strictly.
 */
export function checkLayersTopology(topology: Record<string, unknown>): void {
  // As TF.js's loadLayersModel does: converted Keras models nest the config under model_config.
  const root = topology.model_config ?? topology;
  const top = parseModelJsonPart(layerNodeSchema, root, 'modelTopology');
  if (!CONTAINERS.has(top.class_name)) {
    throw new ModelError(
      `model.json's topology is a ${JSON.stringify(top.class_name)}; a layers-model must be a Sequential or functional Model.`,
    );
  }
  const stack: Array<[unknown, string]> = [[root, 'modelTopology']];
  let count = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, where] = item;
    const layer = parseModelJsonPart(layerNodeSchema, value, where);
    if (++count > MAX_TFJS_LAYERS) throw new ModelError(`The model has more than ${MAX_TFJS_LAYERS} layers.`);
    if (!KERAS_LAYER_CLASSES.has(layer.class_name)) {
      const name = layerNameSchema.safeParse(layer.config).data?.name;
      throw new ModelError(
        `The model uses the layer class ${JSON.stringify(layer.class_name)}${name ? ` (layer ${JSON.stringify(name)})` : ''}, which is not a built-in Keras layer Tenfold runs. Custom and Lambda layers cannot be scored: rebuild the model from built-in layers, or export it to ONNX.`,
      );
    }
    stack.push(...childrenOf(layer.class_name, layer.config, where));
  }
}
