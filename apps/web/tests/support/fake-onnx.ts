/**
 * Bytes that open like an ONNX ModelProto (ir_version, then a producer_name carrying `tag`)
 * and so pass the web app's light check; only the worker would notice they hold no graph.
 */
export function fakeOnnxBytes(tag: string): Uint8Array<ArrayBuffer> {
  const name = new TextEncoder().encode(tag);
  return Uint8Array.of(0x08, 0x08, 0x12, name.byteLength, ...name);
}
