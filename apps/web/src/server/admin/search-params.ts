/** Next's searchParams value → one string (the first when repeated), or undefined. */
export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
}

/** A 1-based page number; anything else is page 1. */
export function pageParam(params: SearchParams): number {
  const page = Number(firstParam(params, 'page'));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
