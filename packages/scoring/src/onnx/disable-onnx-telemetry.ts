/**
 * onnxruntime-node 1.30 on Linux starts Microsoft's telemetry client with every environment it
 * creates: it writes a SQLite queue and a device id under ~/.cache/Microsoft/DeveloperTools
 * (found through the user database even with HOME unset, so outside any per-job folder), writes
 * `.ses` and `mat-debug-<pid>.log` into TMPDIR, and a few seconds later resolves and contacts
 * its collector over the network. A scoring process must do none of that. ONNX Runtime reads
 * ORT_DISABLE_TELEMETRY when it creates its environment, on the first session, so setting it
 * here, before any session exists, is enough; the sandbox should also pass it in the child's
 * environment so that nothing depends on this call's order.
 */
export function disableOnnxTelemetry(): void {
  process.env.ORT_DISABLE_TELEMETRY = '1';
}
