/** The first `perClass` test-set indexes of each class (0..classCount-1), in test-set order. */
export function findClassSamples(labels: Uint8Array, classCount: number, perClass: number): number[][] {
  const samples = Array.from({ length: classCount }, () => [] as number[]);
  let missing = classCount * perClass;
  for (let index = 0; index < labels.length && missing > 0; index += 1) {
    const bucket = samples[labels[index] as number];
    if (bucket && bucket.length < perClass) {
      bucket.push(index);
      missing -= 1;
    }
  }
  return samples;
}
