import { DATASET_IDS, isDatasetId } from '@tenfold/datasets/catalog';
import { PAIR_SORT_KEYS } from '@/server/analysis/pair-dataset-results';
import { parseLeaderboardQuery, toLeaderboardSearch } from '@/server/leaderboard/leaderboard-query';

/**
 * Public pages are served from Next.js's page cache, rendered once per change of the data.
 * A cached page cannot read the query string, so the proxy rewrites each public URL to an
 * internal path whose last segment, the "view", is the canonical form of the query parameters
 * the page reads (defaults left out, unknown ones dropped): every spelling of one state shares
 * one cached copy, and nothing a visitor types can add copies beyond the states that exist.
 */

/** The view of a URL without parameters. */
export const EMPTY_VIEW = '_';

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function toView(params: URLSearchParams): string {
  const search = params.toString();
  return search === '' ? EMPTY_VIEW : search;
}

function canonicalVersusView(params: SearchParams): string {
  const view = new URLSearchParams();
  const sort = PAIR_SORT_KEYS.find((key) => key === one(params.sort));
  if (sort) view.set('sort', sort);
  const dir = one(params.dir);
  if (dir === 'asc' || dir === 'desc') view.set('dir', dir);
  return toView(view);
}

function canonicalTradeOffsView(params: SearchParams): string {
  const dataset = one(params.dataset);
  const view = new URLSearchParams();
  if (dataset && isDatasetId(dataset) && dataset !== DATASET_IDS[0]) view.set('dataset', dataset);
  return toView(view);
}

function canonicalModelView(params: SearchParams): string {
  const view = new URLSearchParams();
  const dataset = one(params.dataset);
  if (dataset && isDatasetId(dataset)) view.set('dataset', dataset);
  const cell = one(params.cell);
  if (cell && /^\d-\d$/.test(cell)) view.set('cell', cell);
  return toView(view);
}

const CANONICAL_VIEW = {
  board: (params: SearchParams) => toView(new URLSearchParams(toLeaderboardSearch(parseLeaderboardQuery(params)))),
  versus: canonicalVersusView,
  tradeOffs: canonicalTradeOffsView,
  model: canonicalModelView,
  home: () => EMPTY_VIEW,
  labelErrors: () => EMPTY_VIEW,
} as const;

export type ViewKind = keyof typeof CANONICAL_VIEW;

function paramsOf(search: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(search.keys())) params[key] = search.getAll(key);
  return params;
}

/**
 * For an internal route: the query parameters its view stands for, or null when the view is not
 * the canonical one (someone typed the internal path), which the route answers with 404 rather
 * than caching another copy.
 */
export function paramsOfView(kind: ViewKind, view: string): Record<string, string> | null {
  // Next.js hands the segment over decoded; a canonical view has no '%' of its own, so decoding
  // again changes nothing, and only a typed path can fail to decode.
  let decoded: string;
  try {
    decoded = decodeURIComponent(view);
  } catch {
    return null;
  }
  const search = new URLSearchParams(decoded === EMPTY_VIEW ? '' : decoded);
  if (CANONICAL_VIEW[kind](paramsOf(search)) !== decoded) return null;
  return Object.fromEntries(search);
}

const ID = '[A-Za-z0-9_-]{1,64}';
const PUBLIC_PATHS: { pattern: RegExp; kind: ViewKind; target: (match: RegExpMatchArray) => string }[] = [
  { pattern: /^\/$/, kind: 'home', target: () => '/home' },
  { pattern: /^\/datasets\/([a-z-]{1,32})$/, kind: 'board', target: ([, id]) => `/datasets/${id}/board` },
  { pattern: /^\/mnist-vs-fashion$/, kind: 'versus', target: () => '/mnist-vs-fashion' },
  { pattern: /^\/trade-offs$/, kind: 'tradeOffs', target: () => '/trade-offs' },
  { pattern: new RegExp(`^/models/(${ID})$`), kind: 'model', target: ([, id]) => `/models/${id}/public` },
  {
    pattern: /^\/datasets\/([a-z-]{1,32})\/label-errors$/,
    kind: 'labelErrors',
    target: ([, id]) => `/datasets/${id}/label-errors`,
  },
];

/** Pages with a part of their own for a signed-in visitor: only anonymous visitors get the cached copy. */
const PER_VIEWER_KINDS: ReadonlySet<ViewKind> = new Set(['model', 'labelErrors']);

/**
 * Paths served from the cache as they are: pages that read no parameters and no viewer, and the
 * internal routes above (Next.js runs the proxy again for the path a rewrite produced).
 */
const STATIC_PATHS = [
  /^\/datasets\/[a-z-]{1,32}\/(card|consensus|label-errors\/[^/]+)$/,
  /^\/guides(\/[a-z0-9-]{1,100})?$/,
  /^\/home\/[^/]+$/,
  /^\/datasets\/[a-z-]{1,32}\/board\/[^/]+$/,
  /^\/mnist-vs-fashion\/[^/]+$/,
  /^\/trade-offs\/[^/]+$/,
  new RegExp(`^/models/${ID}/public/[^/]+$`),
];

export type CachedPageRoute = { isCached: false } | { isCached: true; rewriteTo: string | null };

/**
 * Where the proxy sends a page request. A signed-in visitor's model page stays rendered per
 * request: it shows their own private models and moderation notices; so does their label-error
 * page, with its flag buttons. Everything else listed here is the same for every visitor.
 */
export function findCachedPageRoute(url: URL, isSignedIn: boolean): CachedPageRoute {
  const { pathname } = url;
  if (STATIC_PATHS.some((pattern) => pattern.test(pathname))) return { isCached: true, rewriteTo: null };
  for (const { pattern, kind, target } of PUBLIC_PATHS) {
    const match = pathname.match(pattern);
    if (!match) continue;
    if (PER_VIEWER_KINDS.has(kind) && isSignedIn) return { isCached: false };
    const view = CANONICAL_VIEW[kind](paramsOf(url.searchParams));
    return { isCached: true, rewriteTo: `${target(match)}/${encodeURIComponent(view)}` };
  }
  return { isCached: false };
}
