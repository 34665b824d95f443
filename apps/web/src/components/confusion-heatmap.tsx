import Link from 'next/link';

const CLASS_COUNT = 10;

/** Shade bucket 0..9 for a share of a row; square root so that small error rates still show. */
function heat(share: number): number {
  if (share <= 0) return 0;
  return Math.max(1, Math.min(9, Math.ceil(Math.sqrt(share) * 9)));
}

type Props = {
  /** 10x10, row = true class, column = predicted class, row-major. */
  matrix: number[];
  classNames: readonly string[];
  /** Where a cell links to (its test images), e.g. `?cell=3-5#cell-examples`; none makes cells plain. */
  cellHref?: (trueClass: number, predictedClass: number) => string;
  selected?: { trueClass: number; predictedClass: number } | null;
};

/** The confusion matrix as a heatmap table: classes carry the colour, so no inline styles are needed. */
export function ConfusionHeatmap({ matrix, classNames, cellHref, selected }: Props) {
  const hasWordNames = classNames.some((name, index) => name !== String(index));
  const rowTotal = (row: number) =>
    matrix.slice(row * CLASS_COUNT, (row + 1) * CLASS_COUNT).reduce((sum, n) => sum + n, 0);
  return (
    <div className="table-wrap">
      <table className="confusion" data-testid="confusion-matrix">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">True class</span>
            </th>
            {classNames.map((name, column) => (
              <th key={name} scope="col" title={name}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {classNames.map((name, row) => {
            const total = rowTotal(row);
            return (
              <tr key={name}>
                <th scope="row" title={name}>
                  {row} {hasWordNames ? <span className="confusion__name">{name}</span> : null}
                </th>
                {classNames.map((columnName, column) => {
                  const count = matrix[row * CLASS_COUNT + column] ?? 0;
                  const tone = row === column ? 'hit' : 'miss';
                  const isSelected = selected?.trueClass === row && selected.predictedClass === column;
                  const title = `${name} predicted as ${columnName}: ${count}`;
                  return (
                    <td
                      key={columnName}
                      className={`confusion__cell confusion__cell--${tone} heat-${heat(total ? count / total : 0)}${isSelected ? ' confusion__cell--selected' : ''}`}
                      title={title}
                    >
                      {cellHref && count > 0 ? (
                        <Link
                          href={cellHref(row, column)}
                          scroll={false}
                          className="confusion__link"
                          data-testid={`cell-${row}-${column}`}
                          aria-label={`Show the test images: ${title}`}
                        >
                          {count}
                        </Link>
                      ) : (
                        count
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
