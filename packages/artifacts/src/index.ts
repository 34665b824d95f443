export { isPlainFileName, listExternalDataFiles } from './onnx/list-external-data-files.ts';
export { isOnnxName, packOnnxFiles } from './pack-onnx-files.ts';
export { type NamedFile, packTfjsFiles } from './pack-tfjs-files.ts';
export { MAX_MODEL_JSON_BYTES, readTfjsFormat, type TfjsKind } from './read-tfjs-format.ts';
export { readZippedModelKind, type ZippedModelKind } from './read-zipped-model-kind.ts';
