/**
 * The strongest models of a board vote apart: a label error is an image on which they agree on
 * another class. Twenty is enough to outvote one model's quirk and few enough to stay among the
 * best of a board of hundreds.
 */
export const STRONG_MODEL_COUNT = 20;

/** A likely label error: at least this share of the strong models agree on one other class ... */
export const LABEL_ERROR_AGREEMENT = 0.8;
/** ... and at least this many strong models voted, so three models cannot call a label wrong. */
export const LABEL_ERROR_MIN_STRONG_MODELS = 5;
