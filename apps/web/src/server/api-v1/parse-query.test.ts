import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { leaderboardQuerySchema, submissionListQuerySchema } from './schemas.ts';

const request = (query: string) => new Request(`https://tenfold.test/api/v1/x${query}`);

describe('parseQuery', () => {
  it('fills in the defaults', () => {
    expect(parseQuery(request(''), leaderboardQuerySchema)).toEqual({
      ok: true,
      data: { page: 1, perPage: 50, sort: 'rank' },
    });
    expect(parseQuery(request('?page=3&perPage=100&status=SCORED'), submissionListQuerySchema)).toEqual({
      ok: true,
      data: { page: 3, perPage: 100, status: 'SCORED' },
    });
  });

  it('refuses bad values with a 400 naming each parameter and what to send', () => {
    const parsed = parseQuery(request('?page=0&perPage=2.5&sort=speed&size=huge'), leaderboardQuerySchema);
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.status).toBe(400);
    expect(parsed.code).toBe('invalid_input');
    expect(parsed.fields).toEqual({
      page: 'Give page as a whole number from 1.',
      perPage: 'Give perPage as a whole number from 1 to 100.',
      sort: expect.stringContaining('accuracy'),
      size: expect.stringContaining('tiny'),
    });
  });
});
