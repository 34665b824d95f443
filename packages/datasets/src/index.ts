export * from './catalog.ts';
export { DEBIAN_FASHION_MNIST_DIR, DEFAULT_CACHE_DIR } from './dataset-sources.ts';
export {
  DatasetFileError,
  decompressIfGzipped,
  IMAGE_COLUMNS,
  IMAGE_ROWS,
  IMAGES_HEADER_BYTES,
  IMAGES_MAGIC,
  isGzipped,
  LABELS_HEADER_BYTES,
  LABELS_MAGIC,
  parseIdxImages,
  parseIdxLabels,
} from './idx-format.ts';
export { type LoadedSplit, type LoadOptions, loadSplit } from './load-split.ts';
export { readVerifiedFile } from './read-verified-file.ts';
