/**
 * Below this many discordant pairs the chi-square approximation is poor, so the exact
 * binomial test is used (a common rule of thumb puts the limit at 25; 50 keeps it exact longer,
 * and the sum stays cheap).
 */
const EXACT_LIMIT = 50;

export type McNemarResult = {
  /** Images the first model gets right and the second wrong. */
  onlyFirstRight: number;
  /** Images the second model gets right and the first wrong. */
  onlySecondRight: number;
  method: 'exact' | 'chi-square';
  /** Chi-square with continuity correction; null for the exact test. */
  statistic: number | null;
  /** Two-sided. */
  pValue: number;
};

/**
 * erfc(x) for x >= 0 by the Chebyshev fit in Numerical Recipes (2nd ed., §6.2),
 * fractional error below 1.2e-7 everywhere: ample for a p-value.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n cannot overflow. */
function binomialHalfCdf(k: number, n: number): number {
  let logTerm = -n * Math.LN2; // log C(n,0) / 2^n
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i += 1) {
    logTerm += Math.log(n - i + 1) - Math.log(i);
    sum += Math.exp(logTerm);
  }
  return sum;
}

/**
 * McNemar's test on two classifiers scored on the same images: only the discordant images
 * (one right, the other wrong) carry information. Exact binomial for few of them,
 * continuity-corrected chi-square with one degree of freedom otherwise.
 */
export function mcnemarTest(onlyFirstRight: number, onlySecondRight: number): McNemarResult {
  const n = onlyFirstRight + onlySecondRight;
  if (n < EXACT_LIMIT) {
    const pValue = n === 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(onlyFirstRight, onlySecondRight), n));
    return { onlyFirstRight, onlySecondRight, method: 'exact', statistic: null, pValue };
  }
  const statistic = (Math.abs(onlyFirstRight - onlySecondRight) - 1) ** 2 / n;
  // Chi-square with 1 df: P(X > s) = erfc(sqrt(s / 2)).
  return {
    onlyFirstRight,
    onlySecondRight,
    method: 'chi-square',
    statistic,
    pValue: Math.min(1, erfc(Math.sqrt(statistic / 2))),
  };
}
