import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The one password rule: the server's hooks (src/server/auth/auth.ts) and both forms use it. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
/**
 * On zxcvbn's 0-4 scale, 3 means about 10^8 guesses or more: out of reach of online guessing
 * and costly offline against a slow hash. Its lists of common passwords, words and names
 * refuse "aaaaaaaaaa", ten spaces or "password1234" whatever their length.
 */
export const MIN_PASSWORD_SCORE = 3;
/**
 * The estimator judges this many leading characters. Its cost grows steeply with length (a
 * 64-character pattern takes it about half a second), and the cut is sound: guessing a password
 * means guessing its prefix too, so the whole is at least as strong as the part judged.
 */
const ESTIMATED_CHARACTERS = 32;

export type PasswordAssessment = { isAcceptable: boolean; advice: string };

let estimator: Promise<ZxcvbnFactory> | undefined;

/** Loaded on first use: its dictionaries are about 1.5 MB, needed only where a password is chosen. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
        maxLength: ESTIMATED_CHARACTERS,
      }),
  );
  return estimator;
}

/**
 * Whether a new password is acceptable, with advice to show beside it. `personal` holds what
 * the account says about its owner (email, name), which makes a password easier to guess.
 */
export async function assessPassword(password: string, personal: string[] = []): Promise<PasswordAssessment> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { isAcceptable: false, advice: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { isAcceptable: false, advice: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  const { score, feedback } = (await loadEstimator()).check(password, personal.filter(Boolean));
  if (score >= MIN_PASSWORD_SCORE) return { isAcceptable: true, advice: 'Strong enough.' };
  return {
    isAcceptable: false,
    advice: ['This password is too easy to guess.', feedback.warning, ...feedback.suggestions]
      .filter(Boolean)
      .join(' '),
  };
}
