import {
  FUNCTION,
  MODEL,
  OPSET_ID,
  ProtobufFormatError,
  readProtobufFields,
  STRING_ENTRY,
} from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';
import { guessForeignFormat } from './guess-foreign-format.ts';
import { inspectOnnxAttribute, inspectOnnxGraph, inspectOnnxNode } from './inspect-onnx-graph.ts';
import { InspectionBudget } from './inspection-budget.ts';
import { MAX_IR_VERSION, MAX_MODEL_BYTES, MIN_IR_VERSION, OPERATOR_DOMAINS } from './onnx-limits.ts';
import { bytesOf, malformedOnnx, quoteName, readOnnxFields, stringOf, varintOf } from './read-onnx-fields.ts';

/** What the inspection learnt about a model that passed it. */
export type OnnxInspection = {
  irVersion: number;
  /** Imported operator sets: domain ('' for standard ONNX) to version. */
  opsets: Record<string, number>;
  /** Elements of every initializer (sparse ones counted dense), in every graph: the model's size. */
  parameterCount: number;
  nodeCount: number;
  /** Decoded bytes of everything stored in the file (weights, constants, attribute lists). */
  storedValueBytes: number;
};

type ModelFields = {
  irVersion?: number;
  opsets: Array<{ domain: string; version: number }>;
  graph?: Uint8Array;
  functions: Uint8Array[];
};

const MB = 1024 * 1024;
// ONNX Runtime loads a buffer as its own flatbuffer "ORT format" instead of ONNX when these
// bytes sit at offset 4, so one file could show this inspection one model and ONNX Runtime
// another. predictOnnx also forces the ONNX format; refusing here gives the clearer reason.
const ORT_FORMAT_IDENTIFIER = 'ORTM';

function notOnnx(bytes: Uint8Array, detail: string): ModelError {
  const hint = guessForeignFormat(bytes);
  return new ModelError(
    `Tenfold could not load the model: the file is not an ONNX model (${detail}).${hint ? ` ${hint}` : ''}`,
  );
}

function readOpset(bytes: Uint8Array): { domain: string; version: number } {
  const where = 'an opset import';
  const opset = { domain: '', version: 0 };
  for (const field of readOnnxFields(bytes, where)) {
    if (field.number === OPSET_ID.domain) opset.domain = stringOf(field, where);
    else if (field.number === OPSET_ID.version) opset.version = varintOf(field, where);
  }
  return opset;
}

function checkMetadataEntry(bytes: Uint8Array): void {
  for (const field of readOnnxFields(bytes, 'the metadata')) {
    // With ORT_LOAD_CONFIG_FROM_MODEL=1 in its environment, ONNX Runtime takes session options
    // (threads, optimisation, output files) from this key: a submitter must never set them.
    if (field.number === STRING_ENTRY.key && stringOf(field, 'the metadata') === 'ort_config') {
      throw new ModelError(
        'The model carries ONNX Runtime session settings in its metadata ("ort_config"); remove that entry.',
      );
    }
  }
}

function readModelFields(bytes: Uint8Array, budget: InspectionBudget): ModelFields {
  const model: ModelFields = { opsets: [], functions: [] };
  try {
    for (const field of readProtobufFields(bytes)) {
      if (field.number === MODEL.opsetImport || field.number === MODEL.metadataProps) budget.addEntry();
      if (field.number === MODEL.irVersion) model.irVersion = varintOf(field, 'the model');
      else if (field.number === MODEL.opsetImport) model.opsets.push(readOpset(bytesOf(field, 'the model')));
      else if (field.number === MODEL.metadataProps) checkMetadataEntry(bytesOf(field, 'the model'));
      else if (field.number === MODEL.functions) model.functions.push(bytesOf(field, 'the model'));
      else if (field.number === MODEL.trainingInfo) {
        throw new ModelError('The model carries training information (training_info); upload an inference model.');
      } else if (field.number === MODEL.graph) {
        // A second graph would be merged into the first by protobuf parsers: refuse, do not guess.
        if (model.graph) throw malformedOnnx('the model', 'it has two graphs');
        model.graph = bytesOf(field, 'the model');
      }
    }
  } catch (error) {
    if (error instanceof ProtobufFormatError) throw notOnnx(bytes, error.message);
    throw error;
  }
  return model;
}

function checkVersions(model: ModelFields & { irVersion: number }): Record<string, number> {
  if (model.irVersion < MIN_IR_VERSION || model.irVersion > MAX_IR_VERSION) {
    throw new ModelError(
      `The model declares ONNX IR version ${model.irVersion}; Tenfold's ONNX Runtime loads IR versions ${MIN_IR_VERSION} to ${MAX_IR_VERSION}. Re-export it with a current exporter.`,
    );
  }
  const opsets: Record<string, number> = {};
  for (const { domain, version } of model.opsets) {
    const newest = OPERATOR_DOMAINS.get(domain);
    if (version < 1 || (newest !== undefined && version > newest)) {
      throw new ModelError(
        `The model imports opset ${version} of the ${domain ? quoteName(domain) : 'standard ONNX'} domain; Tenfold's ONNX Runtime runs opsets 1 to ${newest ?? '...'}. Export with an opset in that range (torch.onnx.export(..., opset_version=17) for example).`,
      );
    }
    opsets[domain] = version;
  }
  if (opsets[''] === undefined && opsets['ai.onnx'] === undefined) {
    throw new ModelError('The model imports no version of the standard ONNX operator set (opset_import).');
  }
  return opsets;
}

/** Adds the names `domain/name` of the model-local functions, which nodes may call as operators. */
function readFunctionNames(functions: Uint8Array[], names: Set<string>): void {
  for (const bytes of functions) {
    let name = '';
    let domain = '';
    for (const field of readOnnxFields(bytes, 'a model-local function')) {
      if (field.number === FUNCTION.name) name = stringOf(field, 'a model-local function');
      else if (field.number === FUNCTION.domain) domain = stringOf(field, 'a model-local function');
    }
    names.add(`${domain}/${name}`);
  }
}

function inspectFunction(bytes: Uint8Array, budget: InspectionBudget): void {
  budget.addEntry();
  let context = ' in a model-local function';
  for (const field of readOnnxFields(bytes, context.trim())) {
    if (field.number === FUNCTION.name) context = ` in the function ${quoteName(stringOf(field, context))}`;
  }
  for (const field of readOnnxFields(bytes, context.trim())) {
    // A function body sits one level below the graph that calls it.
    if (field.number === FUNCTION.node) inspectOnnxNode(bytesOf(field, context), context, 1, budget);
    else if (field.number === FUNCTION.opsetImport) readOpset(bytesOf(field, context));
    else if (field.number === FUNCTION.attributeProto) {
      // Default attribute values may hold tensors and graphs, as a node's attributes can.
      inspectOnnxAttribute(bytesOf(field, context), `the defaults${context}`, 1, budget);
    }
  }
}

/**
 * Static inspection of an uploaded ONNX file before ONNX Runtime parses it: refuses files that
 * are too large, not ONNX, or would make ONNX Runtime read other files, load custom operators
 * or allocate what their declared sizes promise; returns what it learnt. `externalFiles` (name
 * to size) are the external-data files uploaded with it: every tensor kept in external data
 * must lie inside one of them, and each of them must be used. Without it, external data is
 * refused. Throws ModelError with a reason the submitter can act on.
 */
export function inspectOnnxModel(bytes: Uint8Array, externalFiles?: ReadonlyMap<string, number>): OnnxInspection {
  if (bytes.length === 0) throw new ModelError('The uploaded file is empty.');
  if (bytes.length > MAX_MODEL_BYTES) {
    throw new ModelError(
      `The model file is ${(bytes.length / MB).toFixed(2)} MB, larger than the ${MAX_MODEL_BYTES / MB} MB limit.`,
    );
  }
  if (new TextDecoder().decode(bytes.subarray(4, 8)) === ORT_FORMAT_IDENTIFIER) {
    throw new ModelError(
      'The file is in ONNX Runtime\'s own "ORT format" (or imitates it); Tenfold accepts .onnx files only.',
    );
  }
  const budget = new InspectionBudget(externalFiles);
  const model = readModelFields(bytes, budget);
  const { graph, irVersion } = model;
  if (!graph || irVersion === undefined) throw notOnnx(bytes, graph ? 'it has no IR version' : 'it has no graph');
  const opsets = checkVersions({ ...model, irVersion });
  readFunctionNames(model.functions, budget.functions);
  for (const fn of model.functions) inspectFunction(fn, budget);
  const facts = inspectOnnxGraph(graph, '', 0, budget);
  if (facts.nodes === 0) throw new ModelError("The model's graph has no nodes: it computes nothing.");
  if (facts.outputs === 0) throw new ModelError('The model declares no outputs.');
  const unused = [...(externalFiles?.keys() ?? [])].filter((name) => !budget.usedFiles.has(name));
  if (unused.length > 0) {
    throw new ModelError(
      `The upload holds ${unused.map((name) => quoteName(name)).join(', ')} beside the model, but no tensor of the model reads ${unused.length === 1 ? 'it' : 'them'}: upload the .onnx file and exactly the external-data files it names.`,
    );
  }
  return {
    irVersion,
    opsets,
    parameterCount: budget.parameters,
    nodeCount: budget.nodes,
    storedValueBytes: budget.storedBytes,
  };
}
