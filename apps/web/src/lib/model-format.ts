/** How the upload formats read on pages and exports. */
export const FORMAT_LABELS = { ONNX: 'ONNX', TFJS_LAYERS: 'TF.js Layers', TFJS_GRAPH: 'TF.js Graph' } as const;
