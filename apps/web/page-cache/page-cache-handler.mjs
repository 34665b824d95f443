// Next.js's `cacheHandler` (next.config.ts): where rendered public pages and route responses
// are kept between changes of the data. Plain JavaScript, loaded by Next.js with Node.js.
import { buildHashedContentSecurityPolicy } from './content-security-policy.mjs';

const TAGS_HEADER = 'x-next-cache-tags';
/** Rendered pages kept at most, as bytes of HTML and RSC payload; the least recently read go first. */
const MAX_BYTES = 256 * 1024 * 1024;

const NONCED_SCRIPT = /<script[^>]*\snonce=/;
/** The tag a cached page carries with the time its render started (`tagCachedPage`). */
const RENDERED_AT = 'rendered-at:';
/** Revalidations remembered: far longer than any render takes. */
const REVALIDATIONS_KEPT_MS = 10 * 60 * 1000;

/** @typedef {{ lastModified: number, value: any, tags: string[], bytes: number }} Entry */

/** Next.js's key of a rendered page ends with its path: `/route-cache/APP_PAGE/<hash>/$<path>`. */
const PAGE_KEY = /^\/route-cache\/APP_PAGE\/[^/]+\/\$(\/.*)$/;

// Shared by every instance (Next.js creates one per request) through globalThis.
globalThis.__tenfoldPageCache ??= { entries: new Map(), bytes: 0, revalidatedAt: new Map(), keysByPath: new Map() };
/** @type {{ entries: Map<string, Entry>, bytes: number, revalidatedAt: Map<string, number>, keysByPath: Map<string, string> }} */
const store = globalThis.__tenfoldPageCache;
const { entries, revalidatedAt, keysByPath } = store;

/**
 * Whether the page began rendering before one of its tags was revalidated: it may have read the
 * data as it was before that change, so storing it would bring the old page back.
 * @param {string[]} tags
 */
function isOlderThanItsTags(tags) {
  const stamp = tags.find((tag) => tag.startsWith(RENDERED_AT));
  if (!stamp) return false;
  const startedAt = Number(stamp.slice(RENDERED_AT.length));
  return tags.some((tag) => (revalidatedAt.get(tag) ?? Number.NEGATIVE_INFINITY) >= startedAt);
}

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 0;
  const html = typeof value.html === 'string' ? value.html.length : 0;
  const rsc = value.rscData?.byteLength ?? 0;
  const body = value.body?.byteLength ?? 0;
  const data = typeof value.data?.body === 'string' ? value.data.body.length : 0;
  return html + rsc + body + data;
}

/** @param {any} value @param {string[] | undefined} ctxTags */
function tagsOf(value, ctxTags) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === 'string' ? header.split(',') : [];
  return [...fromHeader, ...(ctxTags ?? [])];
}

/** @param {string} key */
function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  store.bytes -= entry.bytes;
  const path = PAGE_KEY.exec(key)?.[1];
  if (path !== undefined && keysByPath.get(path) === key) keysByPath.delete(path);
}

/**
 * @param {string} key
 * @returns {Entry | null}
 */
function read(key) {
  const entry = entries.get(key);
  if (!entry) return null;
  // Most recently read last, so eviction takes the least recently read.
  entries.delete(key);
  entries.set(key, entry);
  return entry;
}

/**
 * The rendered page stored for a path (the path Next.js rendered, after the proxy's rewrite),
 * counted as read like `get`, or null. The server's front door (src/server/http/send-cached-pages.ts)
 * keys its encoded copy of the page's response by this object, so that copy lives exactly as long
 * as the entry: dropped by the same revalidation.
 * @param {string} path
 * @returns {Entry | null}
 */
export function readCachedPage(path) {
  const key = keysByPath.get(path);
  return key === undefined ? null : read(key);
}

/**
 * In memory, in this process only, on purpose:
 * - Invalidation is immediate: `revalidateTag`/`revalidatePath` delete the entries carrying the
 *   tag, so the next request renders the page again (blocking) instead of being served the old
 *   one while it renders; a hidden entry leaves every page at once. A render that started before
 *   the revalidation (its `rendered-at:` tag is older) is not stored when it ends.
 * - A restart starts empty: a change committed while the web app was down (and could not be told)
 *   is never served from an older copy, and nothing rendered at build time is served.
 * - Each HTML page gets its Content-Security-Policy here, from the hashes of the inline scripts
 *   and styles it contains: cached pages carry no per-request nonce, and the policy still allows
 *   only the scripts Next.js emitted. The header is stored with the entry, which is the same
 *   object the first response is sent from, so every copy of the page carries it.
 */
export default class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    const entry = read(key);
    return entry ? { lastModified: entry.lastModified, value: entry.value } : null;
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[] }} ctx */
  async set(key, data, ctx) {
    remove(key);
    // unstable_cache values: pages use it only to declare their tags (tagCachedPage), never for data.
    if (!data || data.kind === 'FETCH') return;
    // Rendered with the nonce of the request that caused it (a page the proxy does not treat as
    // cached): no later request carries that nonce, so such a copy must never be served again.
    if (data.kind === 'APP_PAGE' && typeof data.html === 'string' && NONCED_SCRIPT.test(data.html)) return;
    if (data.kind === 'APP_PAGE' && typeof data.html === 'string' && data.html.length > 0) {
      data.headers ??= {};
      data.headers['content-security-policy'] = buildHashedContentSecurityPolicy(data.html);
    }
    const tags = tagsOf(data, ctx?.tags);
    if (isOlderThanItsTags(tags)) return;
    const entry = { lastModified: Date.now(), value: data, tags, bytes: sizeOf(data) };
    entries.set(key, entry);
    store.bytes += entry.bytes;
    const path = PAGE_KEY.exec(key)?.[1];
    if (path !== undefined) keysByPath.set(path, key);
    for (const oldest of entries.keys()) {
      if (store.bytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const wanted = new Set(typeof tags === 'string' ? [tags] : tags);
    const now = Date.now();
    for (const tag of wanted) revalidatedAt.set(tag, now);
    for (const [tag, at] of revalidatedAt) {
      if (at < now - REVALIDATIONS_KEPT_MS) revalidatedAt.delete(tag);
    }
    for (const [key, entry] of entries) {
      if (entry.tags.some((tag) => wanted.has(tag))) remove(key);
    }
  }

  resetRequestCache() {}
}
