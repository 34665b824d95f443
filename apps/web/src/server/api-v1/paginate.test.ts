import { describe, expect, it } from 'vitest';
import { describePage, paginate } from './paginate.ts';

describe('paginate', () => {
  const items = Array.from({ length: 5 }, (_, index) => index);

  it('cuts pages of perPage and counts them', () => {
    expect(paginate(items, { page: 2, perPage: 2 })).toEqual({
      data: [2, 3],
      pagination: { page: 2, perPage: 2, total: 5, pageCount: 3 },
    });
    expect(paginate(items, { page: 3, perPage: 2 }).data).toEqual([4]);
  });

  it('answers a page past the end empty rather than another page, and an empty list with one page', () => {
    expect(paginate(items, { page: 9, perPage: 2 })).toEqual({
      data: [],
      pagination: { page: 9, perPage: 2, total: 5, pageCount: 3 },
    });
    expect(describePage({ page: 1, perPage: 50 }, 0)).toEqual({ page: 1, perPage: 50, total: 0, pageCount: 1 });
  });
});
