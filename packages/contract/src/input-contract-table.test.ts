import { DATASETS } from '@tenfold/datasets/catalog';
import { InputLayout, InputScale, OutputKind } from '@tenfold/db';
import { describe, expect, it } from 'vitest';
import {
  contractFromColumns,
  contractToColumns,
  DEFAULT_CONTRACT,
  databaseEnumsOf,
  describeLayout,
  describeScaling,
  idsOf,
  inputContractSchema,
  inputShape,
  LAYOUT_IDS,
  OUTPUT_IDS,
  SCALE_IDS,
} from './input-contract.ts';
import {
  INPUT_LAYOUTS,
  INPUT_SCALES,
  OUTPUT_KINDS,
  PIXELS_PER_IMAGE,
  STANDARD_SCALING_DEFAULTS,
} from './input-contract-table.ts';

const TABLES = { layout: INPUT_LAYOUTS, scale: INPUT_SCALES, output: OUTPUT_KINDS };

describe('the input contract table', () => {
  it("lists exactly the values of Prisma's enums, so a new row cannot miss its database value", () => {
    expect(databaseEnumsOf(INPUT_LAYOUTS).sort()).toEqual(Object.values(InputLayout).sort());
    expect(databaseEnumsOf(INPUT_SCALES).sort()).toEqual(Object.values(InputScale).sort());
    expect(databaseEnumsOf(OUTPUT_KINDS).sort()).toEqual(Object.values(OutputKind).sort());
  });

  it('has unique ids, database values and labels in every table', () => {
    for (const table of Object.values(TABLES)) {
      for (const key of ['id', 'databaseEnum', 'label'] as const) {
        const values = table.map((choice) => choice[key]);
        expect(new Set(values).size, `${key}: ${values.join(', ')}`).toBe(values.length);
      }
    }
  });

  it('gives every layout a shape that holds one 28x28 image per batch row', () => {
    for (const layout of LAYOUT_IDS) {
      const [batch, ...image] = inputShape(layout, 7);
      expect(batch).toBe(7);
      expect(image.reduce((product, dim) => product * dim, 1)).toBe(PIXELS_PER_IMAGE);
      expect(describeLayout(layout)).toMatch(new RegExp(`^layout ${layout} means \\[N, [\\d, ]+\\], .+`));
    }
  });

  it('is what the zod schema accepts, with the PyTorch-export defaults', () => {
    expect(inputContractSchema.shape.layout.unwrap().options).toEqual(idsOf(INPUT_LAYOUTS));
    expect(inputContractSchema.shape.scale.unwrap().options).toEqual(SCALE_IDS);
    expect(inputContractSchema.shape.output.unwrap().options).toEqual(OUTPUT_IDS);
    expect(DEFAULT_CONTRACT).toEqual({ layout: 'nchw', scale: 'unit', output: 'logits' });
    expect(inputContractSchema.safeParse({ layout: 'chw' }).success).toBe(false);
  });

  it('turns every contract into submission columns and back unchanged', () => {
    for (const layout of LAYOUT_IDS)
      for (const scale of SCALE_IDS)
        for (const output of OUTPUT_IDS) {
          const contract =
            scale === 'standard' ? { layout, scale, output, mean: 0.5, std: 0.25 } : { layout, scale, output };
          const columns = contractToColumns(contract);
          expect(Object.values(InputLayout)).toContain(columns.inputLayout);
          expect(contractFromColumns(columns)).toEqual({ mean: undefined, std: undefined, ...contract });
        }
  });

  it("describes a scaling by its formula, with the submitter's mean and std", () => {
    expect(describeScaling({ scale: 'unit' })).toBe('pixel / 255');
    expect(describeScaling({ scale: 'standard', mean: 0.1307, std: 0.3081 })).toBe('(pixel / 255 − 0.1307) / 0.3081');
  });

  it("takes each dataset's standard-scaling defaults from the dataset catalog", () => {
    expect(STANDARD_SCALING_DEFAULTS).toEqual({
      mnist: DATASETS.mnist.normalization,
      'fashion-mnist': DATASETS['fashion-mnist'].normalization,
    });
    expect(STANDARD_SCALING_DEFAULTS.mnist).toEqual({ mean: 0.1307, std: 0.3081 });
  });
});
