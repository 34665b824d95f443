import type { Submission } from '@tenfold/db';
import type { InputContract, ModelFormatId } from '@tenfold/scoring';
import { ModelError } from '@tenfold/scoring';

/** The scorer's view of what the submitter declared on the submission row. */
export function contractFromSubmission(
  submission: Pick<Submission, 'inputLayout' | 'inputScale' | 'inputMean' | 'inputStd' | 'outputKind'>,
): InputContract {
  return {
    layout: submission.inputLayout === 'NCHW' ? 'nchw' : submission.inputLayout === 'NHWC' ? 'nhwc' : 'flat',
    scale: submission.inputScale === 'UNIT' ? 'unit' : submission.inputScale === 'BYTE' ? 'byte' : 'standard',
    mean: submission.inputMean ?? undefined,
    std: submission.inputStd ?? undefined,
    output: submission.outputKind === 'LOGITS' ? 'logits' : 'probabilities',
  };
}

export function formatFromSubmission(submission: Pick<Submission, 'format'>): ModelFormatId {
  if (submission.format === 'ONNX') return 'onnx';
  throw new ModelError(`This Tenfold version cannot score ${submission.format} models yet; upload an ONNX export.`);
}
