import { describe, expect, it } from 'vitest';
import { formatConsensusCsv } from './format-consensus-csv.ts';

describe('formatConsensusCsv', () => {
  it('writes one row per image with the ten vote columns, empty cells for no answer', () => {
    const csv = formatConsensusCsv({
      dataset: 'mnist',
      modelsCounted: 3,
      strongModels: 20,
      updatedAt: null,
      data: [
        {
          imageIndex: 0,
          label: 7,
          modelsCounted: 3,
          correctCount: 3,
          agreement: 1,
          topWrongClass: null,
          topWrongCount: 0,
          strongCount: 3,
          strongTopClass: 7,
          strongTopCount: 3,
          votes: [0, 0, 0, 0, 0, 0, 0, 3, 0, 0],
        },
      ],
    });
    const [header, row, end] = csv.split('\r\n');
    expect(header?.split(',')).toHaveLength(20);
    expect(header).toMatch(/^image_index,label,models_counted,correct_count,agreement,.*,votes_9$/);
    expect(row).toBe('0,7,3,3,1,,0,3,7,3,0,0,0,0,0,0,0,3,0,0');
    expect(end).toBe('');
  });
});
