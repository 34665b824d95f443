import type { Scaling } from '../input/scale-pixels.ts';
import type { SandboxPhase } from '../sandbox/sandbox-protocol.ts';
import type { LabelledSample } from './sanity-sample.ts';

export const DECLARED = 'sanity:declared';
export const OTHER_DATASET = 'sanity:other-dataset';
/** Of the declared sanity images, how many run first on their own to warm the engine up. */
export const WARM_UP_IMAGES = 60;

export type SanityVariant = {
  phase: string;
  /** What the variant changes: the pixel scaling, or the dataset the images come from. */
  kind: 'declared' | 'scaling' | 'dataset';
  description: string;
  labels: Uint8Array;
  advice: string;
};

export type SanityPlan = { phases: SandboxPhase[]; declared: SanityVariant; alternatives: SanityVariant[] };

export type SanityInput = {
  scaling: Scaling;
  own: LabelledSample & { datasetName: string; normalization: { mean: number; std: number } };
  other?: LabelledSample & { datasetName: string };
};

export function describeScaling(scaling: Scaling): string {
  if (scaling === 'unit') return 'scale unit (pixels / 255, 0..1)';
  if (scaling === 'byte') return 'scale byte (raw pixels, 0..255)';
  return `scale standard ((pixels / 255 - ${scaling.mean}) / ${scaling.std})`;
}

function sameScaling(a: Scaling, b: Scaling): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.mean === b.mean && a.std === b.std;
}

/**
 * The sanity pass runs a few hundred TRAINING images (never test labels) as declared, and, when
 * that result leaves the verdict open, the same images under the other usual scalings and from
 * the other dataset, so that a near-chance result can be explained ("declared unit, but it works
 * with byte") instead of just reported.
 */
export function planSanityPhases(input: SanityInput): SanityPlan {
  const { own, other } = input;
  // The alternatives run only if the declared phase leaves the verdict open (skippableAlternatives).
  const phase = (name: string, sample: LabelledSample, scaling: Scaling): SandboxPhase => ({
    name,
    images: sample.images,
    count: sample.count,
    scaling,
    conditional: true,
  });
  const declared: SanityVariant = {
    phase: DECLARED,
    kind: 'declared',
    description: `as declared (${describeScaling(input.scaling)})`,
    labels: own.labels,
    advice: '',
  };
  // The run's first phase: its first images take the engine's warm-up, the rest show the speed
  // the pace is judged by (see run-in-sandbox.ts).
  const phases: SandboxPhase[] = [
    { name: DECLARED, images: own.images, count: own.count, scaling: input.scaling, warmUpImages: WARM_UP_IMAGES },
  ];
  const alternatives: SanityVariant[] = [];
  const scalings: Scaling[] = ['unit', 'byte', own.normalization];
  for (const scaling of scalings) {
    if (sameScaling(scaling, input.scaling)) continue;
    const name = `sanity:${typeof scaling === 'string' ? scaling : 'standard'}`;
    phases.push(phase(name, own, scaling));
    const how = describeScaling(scaling);
    alternatives.push({
      phase: name,
      kind: 'scaling',
      description: `with ${how}`,
      labels: own.labels,
      advice: `The model seems to expect ${how}: resubmit declaring that scaling.`,
    });
  }
  if (other) {
    phases.push(phase(OTHER_DATASET, other, input.scaling));
    alternatives.push({
      phase: OTHER_DATASET,
      kind: 'dataset',
      description: `on ${other.datasetName} training images`,
      labels: other.labels,
      advice: `It looks trained on ${other.datasetName}, not ${own.datasetName}: submit it for ${other.datasetName}, or train it on ${own.datasetName}.`,
    });
  }
  return { phases, declared, alternatives };
}
