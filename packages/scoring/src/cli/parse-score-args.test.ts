import { INPUT_LAYOUTS, INPUT_SCALES, OUTPUT_KINDS } from '@tenfold/contract';
import { describe, expect, it } from 'vitest';
import { parseScoreArgs, SCORE_USAGE, UsageError } from './parse-score-args.ts';

const parse = (...flags: string[]) => parseScoreArgs(['model.onnx', '--dataset', 'mnist', ...flags]);

describe('npm run score arguments', () => {
  it('accepts every choice of the contract table and lists it in the usage', () => {
    for (const [flag, table] of [
      ['--layout', INPUT_LAYOUTS],
      ['--scale', INPUT_SCALES],
      ['--output', OUTPUT_KINDS],
    ] as const) {
      expect(SCORE_USAGE).toContain(`${flag} ${table.map((choice) => choice.id).join('|')}`);
      for (const { id } of table) expect(parse(flag, id).contract).toMatchObject({ [flag.slice(2)]: id });
    }
  });

  it('defaults to the PyTorch export contract and keeps mean and std for standard scaling', () => {
    expect(parse()).toEqual({
      modelPath: 'model.onnx',
      dataset: 'mnist',
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      isJson: false,
    });
    expect(parse('--scale', 'standard', '--mean', '0.5', '--std', '0.25', '--json')).toMatchObject({
      contract: { scale: 'standard', mean: 0.5, std: 0.25 },
      isJson: true,
    });
  });

  it('says what is wrong with a bad flag', () => {
    expect(() => parse('--layout', 'chw')).toThrow(/--layout: .*"nchw"/);
    expect(() => parse('--mean', '0.5')).toThrow('--mean and --std only apply with --scale standard.');
    expect(() => parse('--std', 'x', '--scale', 'standard')).toThrow('--std must be a number, got "x".');
    expect(() => parseScoreArgs(['model.onnx', '--dataset', 'cifar'])).toThrow(
      '--dataset must be mnist or fashion-mnist.',
    );
    expect(() => parseScoreArgs(['--dataset', 'mnist'])).toThrow(UsageError);
  });
});
