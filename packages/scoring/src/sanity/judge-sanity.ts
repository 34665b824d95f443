import { ModelError } from '../errors.ts';
import type { PhaseResult } from '../sandbox/sandbox-protocol.ts';
import type { SanityPlan } from './plan-sanity-phases.ts';

/** At or below this training accuracy a 10-class model is doing little better than guessing. */
export const NEAR_CHANCE_ACCURACY = 0.25;
/** An alternative this accurate is taken as the explanation of a near-chance result. */
export const CONVINCING_ACCURACY = 0.6;
/**
 * Another scaling this much more accurate than the declared one (9 of 300 images) suggests the
 * declaration is wrong even when the model works: a standardised network fed 0..1 pixels loses a
 * few points, not all of them, and would otherwise be published a few points short.
 */
export const BETTER_SCALING_MARGIN = 0.03;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function accuracyOf(result: PhaseResult | undefined, labels: Uint8Array): number {
  if (!result) return 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (result.predictions[i] === labels[i]) correct++;
  return correct / labels.length;
}

/**
 * After the declared phase: the alternatives whose results cannot change the verdict, so they are
 * not run. A near-chance model needs them all (one of them may explain it); a working one only
 * the other scalings, and only while one of them could still be BETTER_SCALING_MARGIN better
 * (even at 100%); judgeSanity gives the same verdict as with every alternative run.
 */
export function skippableAlternatives(plan: SanityPlan, declared: PhaseResult | undefined): string[] {
  const declaredAccuracy = accuracyOf(declared, plan.declared.labels);
  if (declaredAccuracy <= NEAR_CHANCE_ACCURACY) return [];
  // The same subtraction betterScalingWarning makes, with the best accuracy there is.
  const canWarn = 1 - declaredAccuracy >= BETTER_SCALING_MARGIN;
  return plan.alternatives.filter((variant) => variant.kind !== 'scaling' || !canWarn).map((variant) => variant.phase);
}

export type SanityVerdict = { error: ModelError | null; warning: string | null; declaredAccuracy: number };

/**
 * Decides once every sanity phase that runs is back (a skipped one counts as 0%, which
 * skippableAlternatives makes harmless): a near-chance model that an alternative explains is
 * refused with that explanation (scoring it would only publish a mistake); a near-chance model
 * nothing explains is scored, with a warning the submitter sees.
 */
export function judgeSanity(plan: SanityPlan, results: Map<string, PhaseResult>, datasetName: string): SanityVerdict {
  const declaredAccuracy = accuracyOf(results.get(plan.declared.phase), plan.declared.labels);
  const count = plan.declared.labels.length;
  if (declaredAccuracy > NEAR_CHANCE_ACCURACY) {
    return {
      error: null,
      warning: betterScalingWarning(plan, results, declaredAccuracy, datasetName),
      declaredAccuracy,
    };
  }
  const opening = `On ${count} ${datasetName} training images the model is right ${percent(declaredAccuracy)} of the time ${plan.declared.description}, close to the 10% of guessing.`;
  const ranked = plan.alternatives
    .map((variant) => ({ variant, accuracy: accuracyOf(results.get(variant.phase), variant.labels) }))
    .sort((a, b) => b.accuracy - a.accuracy);
  const best = ranked[0];
  if (best && best.accuracy >= CONVINCING_ACCURACY) {
    return {
      error: new ModelError(
        `${opening} ${best.variant.description} it is right ${percent(best.accuracy)}. ${best.variant.advice}`,
      ),
      warning: null,
      declaredAccuracy,
    };
  }
  return {
    error: null,
    warning: `${opening} No other usual scaling or dataset explains it; check the model's preprocessing and training.`,
    declaredAccuracy,
  };
}

/** Said when the model works as declared but clearly better under another usual scaling. */
function betterScalingWarning(
  plan: SanityPlan,
  results: Map<string, PhaseResult>,
  declaredAccuracy: number,
  datasetName: string,
): string | null {
  const best = plan.alternatives
    .filter((variant) => variant.kind === 'scaling')
    .map((variant) => ({ variant, accuracy: accuracyOf(results.get(variant.phase), variant.labels) }))
    .sort((a, b) => b.accuracy - a.accuracy)[0];
  if (!best || best.accuracy - declaredAccuracy < BETTER_SCALING_MARGIN) return null;
  return `On ${plan.declared.labels.length} ${datasetName} training images the model is right ${percent(declaredAccuracy)} of the time ${plan.declared.description}, but ${percent(best.accuracy)} ${best.variant.description}. It may have been trained with that scaling: if so, resubmit declaring it. This result is scored as declared.`;
}
