type CacheValue = { kind: string; html?: string; headers?: Record<string, unknown>; [key: string]: unknown };
export type CachedEntry = { lastModified: number; value: CacheValue; tags: string[]; bytes: number };
export function readCachedPage(path: string): CachedEntry | null;
export default class PageCacheHandler {
  get(key: string): Promise<{ lastModified: number; value: CacheValue & { headers: Record<string, unknown> } } | null>;
  set(key: string, data: CacheValue | null, ctx: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
