import { type InputContract, PIXELS_PER_IMAGE } from '@tenfold/contract';

export type Scaling = { mean: number; std: number } | 'unit' | 'byte';

/** Resolves the contract's scaling, filling mean/std from the dataset's usual values. */
export function resolveScaling(contract: InputContract, datasetDefaults: { mean: number; std: number }): Scaling {
  if (contract.scale !== 'standard') return contract.scale;
  return { mean: contract.mean ?? datasetDefaults.mean, std: contract.std ?? datasetDefaults.std };
}

/**
 * The one place where pixels become model input. Every step is rounded to float32
 * (Math.fround) in the order torchvision's ToTensor + Normalize applies them, so predictions
 * agree with PyTorch's exactly. Single-channel NCHW, NHWC and flat share one memory order,
 * so only the tensor shape differs between layouts.
 */
export function scalePixels(
  images: Uint8Array,
  first: number,
  count: number,
  scaling: Scaling,
  out: Float32Array = new Float32Array(count * PIXELS_PER_IMAGE),
): Float32Array {
  const start = first * PIXELS_PER_IMAGE;
  const length = count * PIXELS_PER_IMAGE;
  if (scaling === 'byte') {
    for (let i = 0; i < length; i++) out[i] = images[start + i] as number;
  } else if (scaling === 'unit') {
    for (let i = 0; i < length; i++) out[i] = Math.fround((images[start + i] as number) / 255);
  } else {
    const mean = Math.fround(scaling.mean);
    const std = Math.fround(scaling.std);
    for (let i = 0; i < length; i++) {
      const unit = Math.fround((images[start + i] as number) / 255);
      out[i] = Math.fround(Math.fround(unit - mean) / std);
    }
  }
  return out;
}
