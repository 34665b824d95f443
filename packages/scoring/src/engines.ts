// The in-process predictors, for benchmarks that compare engines. Production code reaches them
// only through the sandbox (score-artifact.ts); importing this loads ONNX Runtime and TF.js.
export { predictOnnx } from './onnx/predict-onnx.ts';
export { predictTfjs } from './tfjs/predict-tfjs.ts';
export { selectTfjsBackend, type TfjsBackendName } from './tfjs/select-tfjs-backend.ts';
