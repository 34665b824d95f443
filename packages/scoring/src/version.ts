/**
 * Bumped whenever a change could alter any number an evaluation records (preprocessing,
 * metrics, engine versions). The boards read evaluations made under this version, so after a
 * bump admins rescore (the older evaluations stay, and show until then).
 */
export const SCORER_VERSION = '1.0.0';
