import { SANITY_SAMPLE_SIZE } from '@tenfold/contract';
import { formatCount } from './format.ts';

/**
 * What a RUNNING submission is doing, in words, from the one progress number the worker writes
 * (`progressImages`, test images scored): nothing scored yet means the worker is still checking
 * the declared input contract on training images; all scored means it is on the shifted copy.
 * Without this a page said "0 of 10,000" during the check and "10,000 of 10,000" for seconds after.
 */
export function describeScoringPhase(progressImages: number, testImages: number): string {
  if (progressImages <= 0) {
    return `Checking the input contract on ${formatCount(SANITY_SAMPLE_SIZE)} training images (does the model read them as declared?)`;
  }
  if (progressImages < testImages) {
    return `Scoring the ${formatCount(testImages)} test images: ${formatCount(progressImages)} of ${formatCount(testImages)} done`;
  }
  return `All ${formatCount(testImages)} test images scored; checking the shifted copy (each image moved one pixel right)`;
}
