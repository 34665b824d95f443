import { type LeaderboardEntry, rankModels } from '@tenfold/boards';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, parseLeaderboardQuery, toLeaderboardSearch } from './leaderboard-query.ts';
import { selectLeaderboardPage } from './select-leaderboard-page.ts';

function board(count: number): LeaderboardEntry[] {
  return rankModels(
    Array.from({ length: count }, (_, index) => ({
      submissionId: `s${index}`,
      modelId: `m${index}`,
      modelName: `Model ${String(index).padStart(3, '0')}`,
      submitterName: index % 2 ? 'Bob' : 'Ada',
      accuracy: 0.99 - index * 0.01,
      accuracyCiLow: 0.99 - index * 0.01 - 0.002,
      accuracyCiHigh: 0.99 - index * 0.01 + 0.002,
      submittedAt: new Date(Date.UTC(2026, 0, 1 + index)),
      isBaseline: false,
      format: index % 3 === 0 ? ('TFJS_LAYERS' as const) : ('ONNX' as const),
      parameterCount: index === 1 ? null : 1000 * (count - index),
      artifactBytes: index * 60 * 1024,
      meanLatencyMs: index % 5,
      imagesPerSecond: 1000,
      scorerVersion: '1.0.0',
      evaluationId: 'e1',
    })),
  );
}

describe('parseLeaderboardQuery', () => {
  it('falls back to defaults for unknown or malformed values', () => {
    expect(parseLeaderboardQuery({ sort: 'drop table', dir: 'up', format: 'exe', size: 'huge', page: '-3' })).toEqual({
      sort: 'rank',
      dir: undefined,
      format: undefined,
      size: undefined,
      page: 1,
    });
  });

  it('reads a full state and writes it back without defaults', () => {
    const query = parseLeaderboardQuery({
      sort: 'latency',
      dir: 'desc',
      format: 'ONNX',
      size: 'tiny',
      page: ['2', '9'],
    });
    expect(query).toEqual({ sort: 'latency', dir: 'desc', format: 'ONNX', size: 'tiny', page: 2 });
    expect(toLeaderboardSearch(query)).toBe('?sort=latency&dir=desc&format=ONNX&size=tiny&page=2');
    expect(toLeaderboardSearch({ sort: 'accuracy', dir: 'desc', page: 1 })).toBe('?sort=accuracy');
  });
});

describe('selectLeaderboardPage', () => {
  it('pages by rank by default', () => {
    const all = board(120);
    const second = selectLeaderboardPage(all, parseLeaderboardQuery({ page: '2' }));
    expect(second.pageCount).toBe(3);
    expect(second.entries).toHaveLength(PAGE_SIZE);
    expect(second.entries[0]?.rank).toBe(PAGE_SIZE + 1);
    expect(selectLeaderboardPage(all, parseLeaderboardQuery({ page: '99' })).page).toBe(3);
  });

  it('sorts by a column, unknown values last, and keeps global ranks', () => {
    const all = board(6);
    const byParams = selectLeaderboardPage(all, parseLeaderboardQuery({ sort: 'parameters' }));
    expect(byParams.entries.map((entry) => entry.rank)).toEqual([6, 5, 4, 3, 1, 2]);
    const byParamsDesc = selectLeaderboardPage(all, parseLeaderboardQuery({ sort: 'parameters', dir: 'desc' }));
    expect(byParamsDesc.entries.map((entry) => entry.rank)).toEqual([1, 3, 4, 5, 6, 2]);
    const byRankDesc = selectLeaderboardPage(all, parseLeaderboardQuery({ sort: 'rank', dir: 'desc' }));
    expect(byRankDesc.entries[0]?.rank).toBe(6);
    const byLatency = selectLeaderboardPage(all, parseLeaderboardQuery({ sort: 'latency' }));
    expect(byLatency.entries.map((entry) => entry.meanLatencyMs)).toEqual([0, 0, 1, 2, 3, 4]);
  });

  it('filters by format and size bucket', () => {
    const all = board(6);
    const tfjs = selectLeaderboardPage(all, parseLeaderboardQuery({ format: 'TFJS_LAYERS' }));
    expect(tfjs.entries.map((entry) => entry.modelId)).toEqual(['m0', 'm3']);
    // 0, 60 KiB fit under 100 KiB; 120..300 KiB are in 100 KiB – 1 MiB.
    expect(selectLeaderboardPage(all, parseLeaderboardQuery({ size: 'tiny' })).matching).toBe(2);
    expect(selectLeaderboardPage(all, parseLeaderboardQuery({ size: 'small' })).matching).toBe(4);
    expect(selectLeaderboardPage(all, parseLeaderboardQuery({ size: 'large' })).matching).toBe(0);
  });
});
