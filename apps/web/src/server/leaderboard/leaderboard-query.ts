import { z } from 'zod';

export const SORT_KEYS = [
  'rank',
  'model',
  'accuracy',
  'parameters',
  'size',
  'latency',
  'submitter',
  'date',
  'format',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Upper bounds of the size filter, in bytes of the uploaded file; `large` is everything above 10 MiB. */
export const SIZE_BUCKETS = {
  tiny: { label: 'Up to 100 KiB', min: 0, max: 100 * 1024 },
  small: { label: '100 KiB – 1 MiB', min: 100 * 1024, max: 1024 * 1024 },
  medium: { label: '1 – 10 MiB', min: 1024 * 1024, max: 10 * 1024 * 1024 },
  large: { label: 'Over 10 MiB', min: 10 * 1024 * 1024, max: Number.POSITIVE_INFINITY },
} as const;
export type SizeBucket = keyof typeof SIZE_BUCKETS;

export const PAGE_SIZE = 50;

// Unknown or malformed values fall back to defaults: these come from hand-edited URLs.
const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const leaderboardQuerySchema = z.object({
  sort: z.preprocess(one, z.enum(SORT_KEYS).catch('rank')).default('rank'),
  dir: z.preprocess(one, z.enum(['asc', 'desc']).optional().catch(undefined)),
  format: z.preprocess(one, z.enum(['ONNX', 'TFJS_LAYERS', 'TFJS_GRAPH']).optional().catch(undefined)),
  size: z.preprocess(
    one,
    z
      .enum(Object.keys(SIZE_BUCKETS) as [SizeBucket, ...SizeBucket[]])
      .optional()
      .catch(undefined),
  ),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});

export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

/** Reads ?sort=&dir=&format=&size=&page= from a page's searchParams or a URL's. */
export function parseLeaderboardQuery(params: Record<string, string | string[] | undefined>): LeaderboardQuery {
  return leaderboardQuerySchema.parse(params);
}

/** Natural direction per column: best first for accuracy, smallest/fastest first for costs, newest first for dates. */
export function defaultDirection(sort: SortKey): 'asc' | 'desc' {
  return sort === 'accuracy' || sort === 'date' ? 'desc' : 'asc';
}

/** The URL query for a state, leaving out defaults so links stay short. */
export function toLeaderboardSearch(query: Partial<LeaderboardQuery>): string {
  const params = new URLSearchParams();
  if (query.sort && query.sort !== 'rank') params.set('sort', query.sort);
  if (query.dir && query.sort && query.dir !== defaultDirection(query.sort)) params.set('dir', query.dir);
  if (query.format) params.set('format', query.format);
  if (query.size) params.set('size', query.size);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}
