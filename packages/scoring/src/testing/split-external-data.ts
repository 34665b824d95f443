import type { OnnxGraph, OnnxNode, OnnxTensor } from './build-onnx-model.ts';

/** The external-data file name torch.onnx.export (PyTorch 2.9+) writes beside model.onnx. */
export const TORCH_DATA_FILE = 'model.onnx.data';

/**
 * onnx_ir (the writer behind PyTorch 2.9+'s exporter) starts each tensor above its alignment
 * threshold at a multiple of the allocation granularity, padding with zeros, so mmap can map
 * it; smaller ones follow each other directly. These are its defaults.
 */
const ALIGN_THRESHOLD = 1024 * 1024;
const ALLOCATION_GRANULARITY = 65536;

export type SplitModel = { graph: OnnxGraph; data: Uint8Array };

function tensorBytes(tensor: OnnxTensor): Uint8Array | undefined {
  if (tensor.data) return new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  return tensor.rawData;
}

/**
 * Moves the values of every raw-data tensor of a graph (initializers, Constant values, those of
 * subgraphs too) into one external-data file, as torch.onnx.export(..., external_data=True)
 * does: each tensor keeps its name, dims and type and gains location, offset and length entries.
 */
export function splitExternalData(graph: OnnxGraph, location = TORCH_DATA_FILE): SplitModel {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const move = (tensor: OnnxTensor): OnnxTensor => {
    const bytes = tensorBytes(tensor);
    if (!bytes) return tensor;
    if (bytes.byteLength > ALIGN_THRESHOLD && size % ALLOCATION_GRANULARITY !== 0) {
      const padding = ALLOCATION_GRANULARITY - (size % ALLOCATION_GRANULARITY);
      chunks.push(new Uint8Array(padding));
      size += padding;
    }
    const offset = size;
    chunks.push(bytes);
    size += bytes.byteLength;
    const { data: _data, rawData: _raw, ...rest } = tensor;
    return { ...rest, externalData: { location, offset: String(offset), length: String(bytes.byteLength) } };
  };
  const moveGraph = (g: OnnxGraph): OnnxGraph => ({
    ...g,
    initializers: g.initializers.map(move),
    nodes: g.nodes.map(
      (node): OnnxNode => ({
        ...node,
        attributes: node.attributes?.map((attribute) => {
          if ('tensor' in attribute) return { ...attribute, tensor: move(attribute.tensor) };
          if ('graph' in attribute) return { ...attribute, graph: moveGraph(attribute.graph) };
          return attribute;
        }),
      }),
    ),
  });
  const split = moveGraph(graph);
  const data = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.byteLength;
  }
  return { graph: split, data };
}
