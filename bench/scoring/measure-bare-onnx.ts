import * as ort from 'onnxruntime-node';

/**
 * Seconds for bare ONNX Runtime to classify every image: session creation, float32
 * normalisation as torchvision does it (or pixels / 255 without `normalization`), batches of
 * `batch`, arg-max. The floor Tenfold is measured against.
 */
export async function measureBareOnnx(
  modelBytes: Uint8Array,
  images: Uint8Array,
  count: number,
  normalization: { mean: number; std: number } | null,
  threads: number,
  batch = 1000,
): Promise<number> {
  const started = performance.now();
  const session = await ort.InferenceSession.create(modelBytes, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  const mean = Math.fround(normalization?.mean ?? 0);
  const std = Math.fround(normalization?.std ?? 1);
  const input = new Float32Array(batch * 784);
  let checksum = 0;
  for (let first = 0; first < count; first += batch) {
    const n = Math.min(batch, count - first);
    for (let i = 0; i < n * 784; i++) {
      input[i] = Math.fround(Math.fround(Math.fround((images[first * 784 + i] as number) / 255) - mean) / std);
    }
    const output = await session.run({
      [inputName as string]: new ort.Tensor('float32', input.subarray(0, n * 784), [n, 1, 28, 28]),
    });
    const scores = output[outputName as string]?.data as Float32Array;
    for (let r = 0; r < n; r++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if ((scores[r * 10 + c] as number) > (scores[r * 10 + best] as number)) best = c;
      checksum += best;
    }
  }
  await session.release();
  if (checksum === 0) throw new Error('bare ONNX Runtime predicted class 0 for every image: the benchmark is broken');
  return (performance.now() - started) / 1000;
}

/**
 * Bare ONNX Runtime at its best on this machine: each thread count (1, 2) and batch size (100,
 * 1,000) once, then the fastest setting `repeats` times in all, keeping its best time.
 */
export async function measureBestBareOnnx(
  modelBytes: Uint8Array,
  images: Uint8Array,
  count: number,
  normalization: { mean: number; std: number } | null,
  repeats: number,
): Promise<{ threads: number; batch: number; seconds: number }> {
  let best = { threads: 1, batch: 1000, seconds: Number.POSITIVE_INFINITY };
  for (const threads of [1, 2]) {
    for (const batch of [100, 1000]) {
      const seconds = await measureBareOnnx(modelBytes, images, count, normalization, threads, batch);
      if (seconds < best.seconds) best = { threads, batch, seconds };
    }
  }
  for (let i = 1; i < repeats; i++) {
    const seconds = await measureBareOnnx(modelBytes, images, count, normalization, best.threads, best.batch);
    best.seconds = Math.min(best.seconds, seconds);
  }
  return best;
}
