import { describe, expect, it } from 'vitest';
import { formatRescoreReportCsv } from './format-rescore-report-csv.ts';

describe('formatRescoreReportCsv', () => {
  it('writes one quoted, formula-safe line per entry', () => {
    const csv = formatRescoreReportCsv([
      {
        itemId: 'i1',
        submissionId: 's1',
        modelId: 'm1',
        modelName: '=HYPERLINK("x"), evil',
        dataset: 'mnist',
        status: 'DONE',
        reason: null,
        oldAccuracy: 0.9,
        newAccuracy: 0.95,
        delta: 0.95 - 0.9,
        oldRank: 2,
        newRank: 1,
        move: 'up',
      },
    ]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      'submission_id,model_id,model,dataset,status,old_accuracy,new_accuracy,delta,old_rank,new_rank,move,reason',
    );
    expect(line).toBe(`s1,m1,"'=HYPERLINK(""x""), evil",mnist,DONE,0.9,0.95,${0.95 - 0.9},2,1,up,`);
  });
});
