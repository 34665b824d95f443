// The ONNX wire format as the scorer's inspection reads it: a bounded protobuf reader for
// untrusted bytes, the field numbers of onnx.proto, and the tensor walker. Light (no native
// code), so the web app can read what an upload names before storing it.
export * from './onnx-wire-format.ts';
export * from './protobuf-reader.ts';
export * from './rewrite-onnx-tensors.ts';
