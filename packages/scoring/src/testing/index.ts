export { buildLinearOnnxModel, buildOnnxModel, type LinearModel, type OnnxGraph } from './build-onnx-model.ts';
export { buildCentroidModel, predictLinear } from './centroid-model.ts';
