/**
 * The version of @tenfold/scoring whose numbers evaluations record. It lives here, beside the
 * contract, because the web app and the boards read it and must not import the scorer. Bumped
 * whenever a change to the scorer could alter any number an evaluation records (preprocessing,
 * metrics, engine versions). The boards read evaluations made under this version, so after a
 * bump admins rescore (the older evaluations stay, and show until then).
 */
export const SCORER_VERSION = '1.0.0';
