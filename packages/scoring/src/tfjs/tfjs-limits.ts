// Limits on an uploaded TF.js archive, all checked before any byte of it is trusted. They are
// generous for MNIST-size classifiers (the largest sensible one is a few MB) and keep a hostile
// upload far below the sandbox's memory limit: the scorer holds the expanded files, their
// concatenation for TF.js and the tensors made from it at the same time, about 3x the expansion.

const MIB = 1024 * 1024;

/** The zip itself. Weights barely compress, so this matches the expansion limit. */
export const MAX_TFJS_ARCHIVE_BYTES = 200 * MIB;

/**
 * Entries in the zip's central directory, folders included. tensorflowjs_converter writes 4 MB
 * shards, so 200 MB of weights is 50 shards plus model.json.
 */
export const MAX_TFJS_FILES = 64;

/** Any one member once inflated; a LayersModel.save() writes all weights into one shard. */
export const MAX_TFJS_FILE_BYTES = 200 * MIB;

/** All members together once inflated (zip bombs: declared sizes first, then actual bytes). */
export const MAX_TFJS_EXPANDED_BYTES = 200 * MIB;

/** model.json holds the topology only; a converted ResNet-50 graph is well under 1 MB. */
export const MAX_TFJS_MODEL_JSON_BYTES = 8 * MIB;

/** Longest member or weight path, in characters. */
export const MAX_TFJS_PATH_LENGTH = 255;

/** Nesting of model.json; Keras configs nest about 10 deep. Bounds recursion on hostile JSON. */
export const MAX_TFJS_JSON_DEPTH = 64;

/**
 * Elements of one declared weight tensor: 200 MB of float32. Shard sizes bound the total
 * anyway; this keeps every shape product an exact integer and far from typed-array limits.
 */
export const MAX_TFJS_TENSOR_ELEMENTS = 50_000_000;

/** Entries in weightsManifest[].weights, over all groups. */
export const MAX_TFJS_WEIGHTS = 10_000;

/** Layers of a LayersModel, nested models and wrapped layers included. */
export const MAX_TFJS_LAYERS = 2_000;

/** Nodes of a GraphModel, function bodies and the initializer graph included. */
export const MAX_TFJS_GRAPH_NODES = 50_000;
