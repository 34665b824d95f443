import type { InputLayout as StoredLayout, Submission } from '@tenfold/db';
import type { InputContract, InputLayout, ModelFormatId } from '@tenfold/scoring';

const LAYOUTS: Record<StoredLayout, InputLayout> = { NCHW: 'nchw', NHWC: 'nhwc', FLAT: 'flat', NHW: 'nhw' };

/** The scorer's view of what the submitter declared on the submission row. */
export function contractFromSubmission(
  submission: Pick<Submission, 'inputLayout' | 'inputScale' | 'inputMean' | 'inputStd' | 'outputKind'>,
): InputContract {
  return {
    layout: LAYOUTS[submission.inputLayout],
    scale: submission.inputScale === 'UNIT' ? 'unit' : submission.inputScale === 'BYTE' ? 'byte' : 'standard',
    mean: submission.inputMean ?? undefined,
    std: submission.inputStd ?? undefined,
    output: submission.outputKind === 'LOGITS' ? 'logits' : 'probabilities',
  };
}

/** TF.js LayersModels and GraphModels share one scorer, which reads the kind from model.json. */
export function formatFromSubmission(submission: Pick<Submission, 'format'>): ModelFormatId {
  return submission.format === 'ONNX' ? 'onnx' : 'tfjs';
}
