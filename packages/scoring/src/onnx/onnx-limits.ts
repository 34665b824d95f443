// Limits of the static inspection an uploaded ONNX file passes before ONNX Runtime sees it.
// The sandbox's wall-time and memory limits stay the backstop for what only running shows
// (an Expand to gigabytes, a Loop that never ends); these refuse, with a reason the submitter
// can act on, what the file already declares.

/**
 * Largest file scored. MNIST-size classifiers take kilobytes to a few MB; 100 MB (25M float32
 * weights) leaves room for big CNNs while bounding one job's memory and parse time.
 */
export const MAX_MODEL_BYTES = 100 * 1024 * 1024;

/** Most elements one stored tensor may declare: 2^26, i.e. 256 MiB as float32, above any real weight. */
export const MAX_TENSOR_ELEMENTS = 2 ** 26;

/** ONNX Runtime kernels handle any rank, but no classifier stores a tensor of more than a handful. */
export const MAX_TENSOR_RANK = 16;

/**
 * Decoded bytes of every value stored in the file (initializers, Constant and other attribute
 * tensors, sparse tensors once made dense, attribute lists). Not the same as the file size:
 * int64_data is varint-encoded (a 1-byte 0 decodes to 8 bytes) and a sparse initializer of a
 * few bytes densifies to its full shape when ONNX Runtime loads it.
 */
export const MAX_STORED_VALUE_BYTES = 256 * 1024 * 1024;

/** Nodes in all graphs together; large exported CNNs and transformers have a few thousand. */
export const MAX_NODES = 100_000;

/**
 * Protobuf entries of any kind (nodes, tensors, value infos, attributes, opset imports). Each
 * costs ONNX Runtime a C++ object of a hundred bytes or more however small it is in the file,
 * so a file of millions of empty entries would cost gigabytes before any check of its own.
 */
export const MAX_ENTRIES = 1_000_000;

/** Subgraphs (If branches, Loop and Scan bodies) inside subgraphs; real models nest two or three. */
export const MAX_GRAPH_DEPTH = 8;

/**
 * IR versions onnxruntime-node 1.30 loads: it refuses above 13 itself; below 3 there is no
 * opset_import, so operators cannot be resolved. The engine-limits unit test fails when an
 * engine upgrade moves the upper bound.
 */
export const MIN_IR_VERSION = 3;
export const MAX_IR_VERSION = 13;

/**
 * Operator domains whose operators are built into ONNX Runtime's CPU build, with the newest
 * opset of each that onnxruntime-node 1.30 runs (measured; pinned by the engine-limits test).
 * ai.onnx.ml holds the classical ML operators (tree ensembles, SVMs, ...) and com.microsoft
 * ONNX Runtime's own contrib operators, which its quantization tools and optimizers emit.
 * Every other domain names custom operators, which run native code from a library registered
 * with the session; Tenfold never registers one, so they could only fail later, less clearly.
 * Training (ai.onnx.preview.training) and ONNX Runtime's internal layout domains are not for
 * uploaded inference models.
 */
export const OPERATOR_DOMAINS: ReadonlyMap<string, number> = new Map([
  ['', 26],
  ['ai.onnx', 26],
  ['ai.onnx.ml', 5],
  ['com.microsoft', 1],
]);
