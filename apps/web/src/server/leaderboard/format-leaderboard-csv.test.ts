import { rankModels } from '@tenfold/boards';
import { describe, expect, it } from 'vitest';
import { formatLeaderboardCsv } from './format-leaderboard-csv.ts';
import { formatRankBadge } from './format-rank-badge.ts';

describe('formatLeaderboardCsv', () => {
  it('writes a header and one quoted, formula-safe row per entry', () => {
    const csv = formatLeaderboardCsv(
      rankModels([
        {
          submissionId: 's1',
          modelId: 'm1',
          modelName: '=HYPERLINK("x"), "net"',
          submitterName: 'Ada',
          accuracy: 0.99,
          accuracyCiLow: 0.988,
          accuracyCiHigh: 0.992,
          submittedAt: new Date('2026-01-02T00:00:00Z'),
          isBaseline: true,
          format: 'ONNX' as const,
          parameterCount: null,
          artifactBytes: 1234,
          meanLatencyMs: 0.5,
          imagesPerSecond: 2000,
          scorerVersion: '1.0.0',
          evaluationId: 'e1',
        },
      ]),
    );
    const [header, row, end] = csv.split('\r\n');
    expect(header?.startsWith('rank,tied_with_above,model,')).toBe(true);
    expect(row).toBe(
      `1,false,"'=HYPERLINK(""x""), ""net""",m1,s1,true,0.99,0.988,0.992,,1234,0.5,2000,Ada,2026-01-02T00:00:00.000Z,ONNX`,
    );
    expect(end).toBe('');
  });
});

describe('formatRankBadge', () => {
  it('escapes text and draws no scripts', () => {
    const svg = formatRankBadge('Tenfold <MNIST>', '#1 · 99.00%', 'ok');
    expect(svg).toContain('&#60;MNIST&#62;');
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
