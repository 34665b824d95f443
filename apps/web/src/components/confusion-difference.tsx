const CLASS_COUNT = 10;

/** Bucket 0..4 of an absolute count change, on a log scale so that 1 and 100 both show. */
function strength(delta: number): number {
  const size = Math.abs(delta);
  return size === 0 ? 0 : Math.min(4, 1 + Math.floor(Math.log10(size) * 1.5));
}

type Props = { first: number[]; second: number[]; classNames: readonly string[]; caption: string };

/**
 * Second minus first confusion matrix. Green marks a change in the second model's favour (more
 * on the diagonal, fewer off it), red against it; colours come from classes (CSP).
 */
export function ConfusionDifference({ first, second, classNames, caption }: Props) {
  return (
    <div className="table-wrap">
      <table className="confusion confusion--difference" data-testid="confusion-difference">
        <caption className="muted small">{caption}</caption>
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
          {classNames.map((name, row) => (
            <tr key={name}>
              <th scope="row" title={name}>
                {row}
              </th>
              {classNames.map((columnName, column) => {
                const index = row * CLASS_COUNT + column;
                const delta = (second[index] ?? 0) - (first[index] ?? 0);
                const isBetter = row === column ? delta > 0 : delta < 0;
                const tone = delta === 0 ? 'same' : isBetter ? 'better' : 'worse';
                return (
                  <td
                    key={columnName}
                    className={`diff diff--${tone} diff-${strength(delta)}`}
                    title={`${name} predicted as ${columnName}: ${delta > 0 ? '+' : ''}${delta}`}
                  >
                    {delta === 0 ? '·' : `${delta > 0 ? '+' : ''}${delta}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
