import type { ApiPagination } from './schemas.ts';

export type PageRequest = { page: number; perPage: number };

/** The paging facts of a list of `total` items; a page past the end is empty, not clamped. */
export function describePage({ page, perPage }: PageRequest, total: number): ApiPagination {
  return { page, perPage, total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/** One page of a list held in memory (the cached leaderboards). */
export function paginate<T>(items: T[], request: PageRequest): { data: T[]; pagination: ApiPagination } {
  const start = (request.page - 1) * request.perPage;
  return { data: items.slice(start, start + request.perPage), pagination: describePage(request, items.length) };
}
