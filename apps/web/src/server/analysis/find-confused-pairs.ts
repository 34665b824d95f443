export type ConfusedPair = { trueClass: number; predictedClass: number; count: number; share: number };

/**
 * The off-diagonal cells of a confusion matrix that take the largest share of their true class
 * (Shirt → T-shirt/top before Trouser → Bag), largest first.
 */
export function findConfusedPairs(matrix: number[], limit: number): ConfusedPair[] {
  const pairs: ConfusedPair[] = [];
  for (let row = 0; row < 10; row += 1) {
    const total = matrix.slice(row * 10, row * 10 + 10).reduce((sum, n) => sum + n, 0);
    for (let column = 0; column < 10; column += 1) {
      const count = matrix[row * 10 + column] ?? 0;
      if (row !== column && count > 0)
        pairs.push({ trueClass: row, predictedClass: column, count, share: count / total });
    }
  }
  return pairs.sort((a, b) => b.share - a.share).slice(0, limit);
}
