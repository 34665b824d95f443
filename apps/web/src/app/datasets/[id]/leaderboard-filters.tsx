import { FORMAT_LABELS } from '@/lib/model-format';
import { type LeaderboardQuery, SIZE_BUCKETS } from '@/server/leaderboard/leaderboard-query';

/** A plain GET form: filtering works without JavaScript and every state has a shareable URL. */
export function LeaderboardFilters({ datasetSlug, query }: { datasetSlug: string; query: LeaderboardQuery }) {
  return (
    <form className="filters" method="get" action={`/datasets/${datasetSlug}`} data-testid="leaderboard-filters">
      {query.sort !== 'rank' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <label className="filters__field">
        <span>Format</span>
        <select name="format" defaultValue={query.format ?? ''} data-testid="filter-format">
          <option value="">Any</option>
          {Object.entries(FORMAT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__field">
        <span>File size</span>
        <select name="size" defaultValue={query.size ?? ''} data-testid="filter-size">
          <option value="">Any</option>
          {Object.entries(SIZE_BUCKETS).map(([value, bucket]) => (
            <option key={value} value={value}>
              {bucket.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--small" data-testid="filter-apply">
        Apply
      </button>
    </form>
  );
}
