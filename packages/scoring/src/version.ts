/**
 * Bumped whenever a change could alter any number an evaluation records (preprocessing,
 * metrics, engine versions). Evaluations are unique per (submission, scorer version), so a
 * bump makes rescoring add a new evaluation instead of overwriting history.
 */
export const SCORER_VERSION = '1.0.0';
