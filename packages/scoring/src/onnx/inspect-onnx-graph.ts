import type { ProtobufField } from '@tenfold/artifacts/onnx';
import { ATTRIBUTE, GRAPH, NODE } from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';
import { inspectOnnxSparseTensor } from './inspect-onnx-sparse-tensor.ts';
import { inspectOnnxTensor } from './inspect-onnx-tensor.ts';
import type { InspectionBudget } from './inspection-budget.ts';
import { MAX_GRAPH_DEPTH, OPERATOR_DOMAINS } from './onnx-limits.ts';
import { bytesOf, countPacked, malformedOnnx, quoteName, readOnnxFields, stringOf } from './read-onnx-fields.ts';

export type GraphFacts = { nodes: number; inputs: number; outputs: number };

const SINGULAR_ATTRIBUTE_VALUES: ReadonlySet<number> = new Set([ATTRIBUTE.t, ATTRIBUTE.g, ATTRIBUTE.sparseTensor]);

/** Bytes an attribute list (floats, ints, strings) takes once ONNX Runtime has decoded it. */
function listBytes(field: ProtobufField, where: string): number {
  if (field.number === ATTRIBUTE.strings) return bytesOf(field, where).length;
  if (field.wireType !== 2) return 8;
  return field.number === ATTRIBUTE.floats ? field.bytes.length : countPacked(field.bytes, where) * 8;
}

/** Checks one attribute: the tensors and graphs it holds, at the depth of the node it belongs to. */
export function inspectOnnxAttribute(bytes: Uint8Array, node: string, depth: number, budget: InspectionBudget): void {
  budget.addEntry();
  const where = `an attribute of ${node}`;
  let name = '';
  const values: ProtobufField[] = [];
  for (const field of readOnnxFields(bytes, where)) {
    if (field.number === ATTRIBUTE.name) name = stringOf(field, where);
    else if (
      field.number === ATTRIBUTE.floats ||
      field.number === ATTRIBUTE.ints ||
      field.number === ATTRIBUTE.strings
    ) {
      if (field.number === ATTRIBUTE.strings) budget.addEntry();
      budget.addStoredBytes(listBytes(field, where), where);
    } else if (
      SINGULAR_ATTRIBUTE_VALUES.has(field.number) ||
      field.number === ATTRIBUTE.tensors ||
      field.number === ATTRIBUTE.graphs ||
      field.number === ATTRIBUTE.sparseTensors
    ) {
      values.push(field);
    }
  }
  const context = ` in attribute ${quoteName(name)} of ${node}`;
  const seen = new Set<number>();
  for (const field of values) {
    // Protobuf parsers merge a singular message given twice; refuse rather than guess the merge.
    if (SINGULAR_ATTRIBUTE_VALUES.has(field.number) && seen.has(field.number)) {
      throw malformedOnnx(`attribute ${quoteName(name)} of ${node}`, 'a single value is given twice');
    }
    seen.add(field.number);
    const payload = bytesOf(field, where);
    if (field.number === ATTRIBUTE.t || field.number === ATTRIBUTE.tensors) {
      inspectOnnxTensor(payload, 'the tensor', context, budget);
    } else if (field.number === ATTRIBUTE.sparseTensor || field.number === ATTRIBUTE.sparseTensors) {
      inspectOnnxSparseTensor(payload, 'sparse tensor', context, budget);
    } else {
      inspectOnnxGraph(payload, ` in the ${quoteName(name)} graph of ${node}`, depth + 1, budget);
    }
  }
}

function checkOperator(opType: string, domain: string, context: string, budget: InspectionBudget): void {
  if (opType === '') throw malformedOnnx(`a node${context}`, 'it has no operator type');
  if (OPERATOR_DOMAINS.has(domain) || budget.functions.has(`${domain}/${opType}`)) return;
  throw new ModelError(
    `The model uses the operator ${quoteName(opType)} from the domain ${quoteName(domain)}${context}, which is not a standard ONNX operator: custom operators need native code that Tenfold never loads. Tenfold runs the standard ONNX operators (domains "" or "ai.onnx", and "ai.onnx.ml") and ONNX Runtime's built-in "com.microsoft" operators.`,
  );
}

/** Checks one node: its operator's domain, then every attribute, subgraphs included. */
export function inspectOnnxNode(bytes: Uint8Array, context: string, depth: number, budget: InspectionBudget): void {
  budget.addEntry();
  budget.addNode();
  const where = `a node${context}`;
  let opType = '';
  let domain = '';
  let name = '';
  const attributes: Uint8Array[] = [];
  for (const field of readOnnxFields(bytes, where)) {
    if (field.number === NODE.opType) opType = stringOf(field, where);
    else if (field.number === NODE.domain) domain = stringOf(field, where);
    else if (field.number === NODE.name) name = stringOf(field, where);
    else if (field.number === NODE.attribute) attributes.push(bytesOf(field, where));
    else if (field.number === NODE.input || field.number === NODE.output) {
      bytesOf(field, where);
      budget.addEntry();
    }
  }
  checkOperator(opType, domain, context, budget);
  const node = `${opType} node${name ? ` ${quoteName(name)}` : ''}${context}`;
  for (const attribute of attributes) inspectOnnxAttribute(attribute, node, depth, budget);
}

/**
 * Checks a graph and, through node attributes, every subgraph in it (If branches, Loop and
 * Scan bodies), `depth` levels below the model's main graph.
 */
export function inspectOnnxGraph(
  bytes: Uint8Array,
  context: string,
  depth: number,
  budget: InspectionBudget,
): GraphFacts {
  if (depth > MAX_GRAPH_DEPTH) {
    // The context names every enclosing graph; the innermost one is enough to find the spot.
    const innermost = context.split(/(?= in the ")/).find((part) => part !== '') ?? '';
    throw new ModelError(
      `The model nests subgraphs (If, Loop or Scan bodies) more than ${MAX_GRAPH_DEPTH} levels deep (at${innermost.replace(/^ in /, ' ')}); Tenfold accepts up to ${MAX_GRAPH_DEPTH}.`,
    );
  }
  budget.addEntry();
  const where = `the graph${context}`;
  const facts: GraphFacts = { nodes: 0, inputs: 0, outputs: 0 };
  for (const field of readOnnxFields(bytes, where)) {
    switch (field.number) {
      case GRAPH.node:
        facts.nodes++;
        inspectOnnxNode(bytesOf(field, where), context, depth, budget);
        break;
      case GRAPH.initializer:
        budget.parameters += inspectOnnxTensor(bytesOf(field, where), 'initializer', context, budget).elements;
        break;
      case GRAPH.sparseInitializer:
        budget.parameters += inspectOnnxSparseTensor(
          bytesOf(field, where),
          'sparse initializer',
          context,
          budget,
        ).elements;
        break;
      case GRAPH.input:
      case GRAPH.output:
      case GRAPH.valueInfo:
        budget.addEntry();
        bytesOf(field, where);
        if (field.number === GRAPH.input) facts.inputs++;
        if (field.number === GRAPH.output) facts.outputs++;
        break;
    }
  }
  return facts;
}
