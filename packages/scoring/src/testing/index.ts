export { shiftImagesRight } from '../input/shift-images.ts';
export {
  buildLinearOnnxModel,
  buildOnnxModel,
  type LinearModel,
  linearOnnxGraph,
  type OnnxGraph,
} from './build-onnx-model.ts';
export { buildCentroidModel, predictLinear } from './centroid-model.ts';
export { readMnistDirectly } from './read-mnist-directly.ts';
export { requireSystemTorch } from './require-system-torch.ts';
export { buildNeverEndingOnnxModel, buildSlowLinearOnnxModel } from './slow-onnx-models.ts';
export { type SplitModel, splitExternalData, TORCH_DATA_FILE } from './split-external-data.ts';
