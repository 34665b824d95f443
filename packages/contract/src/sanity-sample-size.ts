/**
 * How many training images the worker's input-contract check (the sanity pass) runs before the
 * test images: enough to tell 10% from 60% with confidence. Here, in the light package, because
 * the site names the phase to the people waiting for it.
 */
export const SANITY_SAMPLE_SIZE = 300;
