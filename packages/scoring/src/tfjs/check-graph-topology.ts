import { version_converter } from '@tensorflow/tfjs';
import { ModelError } from '../errors.ts';
import { parseModelJsonPart } from './parse-model-json-part.ts';
import { TFJS_GRAPH_OPS } from './tfjs-graph-ops.ts';
import { MAX_TFJS_GRAPH_NODES } from './tfjs-limits.ts';
import { graphNodeSchema, graphTopologySchema } from './tfjs-model-json-schema.ts';

type GraphNode = { name: string; op: string; input?: string[] | undefined };

function checkOps(nodes: GraphNode[]): void {
  if (nodes.length > MAX_TFJS_GRAPH_NODES)
    throw new ModelError(`The graph has more than ${MAX_TFJS_GRAPH_NODES} nodes.`);
  for (const node of nodes) {
    if (!TFJS_GRAPH_OPS.has(node.op)) {
      throw new ModelError(
        `The graph uses the op ${JSON.stringify(node.op)} (node ${JSON.stringify(node.name)}), which TF.js ${version_converter} does not implement. Convert the model with ops TF.js supports, or export it to ONNX.`,
      );
    }
  }
}

/** "^name" (a control input) and "name:1" (a second output) both refer to node "name". */
function inputNode(input: string): string {
  const name = input.startsWith('^') ? input.slice(1) : input;
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(0, colon);
}

/**
 * Checks a GraphModel topology (TensorFlow GraphDef as JSON) before TF.js maps it: every node of
 * the graph, of its function library and of its initializer graph uses an op TF.js implements;
 * in the main graph, node names are unique, every input names a node, and every Const node has
 * its value in the weights manifest (TF.js would otherwise fail late with a TypeError).
 */
export function checkGraphTopology(
  topology: Record<string, unknown>,
  initializer: Record<string, unknown> | undefined,
  weightNames: ReadonlySet<string>,
): void {
  const graph = parseModelJsonPart(graphTopologySchema, topology, 'modelTopology');
  const functionNodes = (graph.library?.function ?? []).flatMap((f) => f.nodeDef ?? []);
  const initializerNodes = initializer
    ? parseModelJsonPart(graphNodeSchema.array(), initializer.node ?? [], 'modelInitializer.node')
    : [];
  checkOps([...graph.node, ...functionNodes, ...initializerNodes]);

  const names = new Set<string>();
  for (const node of graph.node) {
    if (names.has(node.name)) throw new ModelError(`The graph has two nodes named ${JSON.stringify(node.name)}.`);
    names.add(node.name);
  }
  for (const node of graph.node) {
    const missing = (node.input ?? []).find((input) => !names.has(inputNode(input)));
    if (missing !== undefined) {
      throw new ModelError(
        `The graph node ${JSON.stringify(node.name)} takes input ${JSON.stringify(missing)}, which is not a node of the graph.`,
      );
    }
    if (node.op === 'Const' && !weightNames.has(node.name)) {
      throw new ModelError(`The graph's constant ${JSON.stringify(node.name)} has no value in weightsManifest.`);
    }
  }
}
