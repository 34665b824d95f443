import { z } from 'zod';

/**
 * What a submitter declares about the model's input and output. Defaults fit
 * `torch.onnx.export` of a model trained on ToTensor() images: [N,1,28,28], pixels / 255, logits.
 */
export const inputContractSchema = z
  .object({
    layout: z.enum(['nchw', 'nhwc', 'flat', 'nhw']).default('nchw'),
    scale: z.enum(['unit', 'byte', 'standard']).default('unit'),
    mean: z.number().finite().optional(),
    std: z.number().finite().positive().optional(),
    output: z.enum(['logits', 'probabilities']).default('logits'),
  })
  .strict();

export type InputContract = z.infer<typeof inputContractSchema>;
export type InputLayout = InputContract['layout'];

export const DEFAULT_CONTRACT: InputContract = inputContractSchema.parse({});

export const IMAGE_SIDE = 28;
export const PIXELS_PER_IMAGE = IMAGE_SIDE * IMAGE_SIDE;
export const CLASS_COUNT = 10;

/** The input tensor shape for a batch of `n` images under each layout. */
export function inputShape(layout: InputLayout, n: number): number[] {
  switch (layout) {
    case 'nchw':
      return [n, 1, IMAGE_SIDE, IMAGE_SIDE];
    case 'nhwc':
      return [n, IMAGE_SIDE, IMAGE_SIDE, 1];
    case 'flat':
      return [n, PIXELS_PER_IMAGE];
    case 'nhw':
      return [n, IMAGE_SIDE, IMAGE_SIDE];
  }
}
