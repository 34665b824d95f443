import { INPUT_LAYOUTS, INPUT_SCALES, OUTPUT_KINDS } from '@tenfold/contract';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../src/exit-codes.ts';
import { commandHelp } from '../src/help-text.ts';
import { defaultModelName, parseCommandLine } from '../src/parse-command-line.ts';

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return (error as CliError).message;
  }
  throw new Error(`parsed without error: ${argv.join(' ')}`);
}

describe('tenfold submit arguments', () => {
  it('applies the contract defaults and names the model after its file', () => {
    expect(parseCommandLine(['submit', 'out/mnist-cnn.onnx', '--dataset', 'mnist'])).toEqual({
      name: 'submit',
      modelPath: 'out/mnist-cnn.onnx',
      fields: {
        dataset: 'mnist',
        modelName: 'mnist-cnn',
        layout: 'nchw',
        scale: 'unit',
        mean: undefined,
        std: undefined,
        output: 'logits',
        visibility: 'public',
      },
      wait: false,
      timeoutSeconds: 3600,
      url: undefined,
      isJson: false,
    });
  });

  it('reads every option, case-insensitively for enumerations', () => {
    const command = parseCommandLine([
      'submit',
      'model.zip',
      '--dataset=fashion-mnist',
      '--name',
      'Keras MLP v2',
      '--layout',
      'NHWC',
      '--scale',
      'standard',
      '--mean',
      '0.5',
      '--std',
      '0.25',
      '--output',
      'probabilities',
      '--visibility',
      'private',
      '--wait',
      '--timeout',
      '90',
      '--json',
      '--url',
      'https://tenfold.example',
    ]);
    expect(command).toMatchObject({
      fields: {
        dataset: 'fashion-mnist',
        modelName: 'Keras MLP v2',
        layout: 'nhwc',
        scale: 'standard',
        mean: 0.5,
        std: 0.25,
        output: 'probabilities',
        visibility: 'private',
      },
      wait: true,
      timeoutSeconds: 90,
      isJson: true,
      url: 'https://tenfold.example',
    });
  });

  it('takes its choices from the contract table, and its help lists each with its shape or formula', () => {
    const help = commandHelp('submit').replace(/\s+/g, ' ');
    for (const [flag, table] of [
      ['--layout', INPUT_LAYOUTS],
      ['--scale', INPUT_SCALES],
      ['--output', OUTPUT_KINDS],
    ] as const) {
      for (const choice of table) {
        const command = parseCommandLine(['submit', 'm.onnx', '--dataset', 'mnist', flag, choice.id.toUpperCase()]);
        expect(command).toMatchObject({ fields: { [flag.slice(2)]: choice.id } });
        expect(help).toContain(choice.id);
      }
    }
    for (const layout of INPUT_LAYOUTS) expect(help).toContain(`${layout.id}: [${layout.shape.join(', ')}]`);
  });

  it('fills in the dataset usual mean and std for --scale standard, as `tenfold score` does', () => {
    expect(parseCommandLine(['submit', 'm.onnx', '--dataset', 'mnist', '--scale', 'standard'])).toMatchObject({
      fields: { mean: 0.1307, std: 0.3081 },
    });
    expect(parseCommandLine(['submit', 'm.onnx', '--dataset', 'fashion-mnist', '--scale', 'standard'])).toMatchObject({
      fields: { mean: 0.286, std: 0.353 },
    });
  });

  it('refuses what the server would refuse, before uploading, saying what to fix', () => {
    expect(usageMessage(['submit', 'm.onnx'])).toContain('give the dataset, mnist or fashion-mnist');
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'cifar10'])).toContain('unknown dataset "cifar10"');
    expect(usageMessage(['submit', '--dataset', 'mnist'])).toContain('missing <model>');
    expect(usageMessage(['submit', 'a.onnx', 'b.onnx', '--dataset', 'mnist'])).toContain('unexpected "b.onnx"');
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--layout', 'chw'])).toBe(
      '--layout must be nchw, nhwc, flat, nhw; got "chw".',
    );
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--mean', '0.1'])).toContain(
      'only apply with --scale standard',
    );
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--scale', 'standard', '--mean', '0.1'])).toContain(
      'Give both --mean and --std',
    );
    expect(
      usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--scale', 'standard', '--mean', '0', '--std', '0']),
    ).toContain('--std');
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--mean', 'abc'])).toContain(
      '--mean must be a number',
    );
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--name', '<script>'])).toContain(
      'use only letters, digits',
    );
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--name', 'x'.repeat(81)])).toContain(
      'at most 80 characters',
    );
    expect(usageMessage(['submit', 'm.onnx', '--dataset', 'mnist', '--wait', '--timeout', '0'])).toContain(
      '--timeout must be a whole number',
    );
    expect(usageMessage(['submit', 'm.onnx', '--datset', 'mnist'])).toContain("Unknown option '--datset'");
  });
});

describe('default model names', () => {
  it('uses the file or folder name, made acceptable to the server', () => {
    expect(defaultModelName('exports/lenet5.onnx')).toBe('lenet5');
    expect(defaultModelName('web_model/')).toBe('web_model');
    expect(defaultModelName('keras-mlp/model.json')).toBe('keras-mlp');
    expect(defaultModelName('./_weird name (1).zip')).toBe('weird name -1-');
    expect(defaultModelName('über.onnx')).toBe('ber');
  });
});

describe('the other commands', () => {
  it('maps leaderboard options onto the API query', () => {
    expect(
      parseCommandLine([
        'leaderboard',
        'fashion-mnist',
        '--sort',
        'latency',
        '--dir',
        'desc',
        '--model-format',
        'tfjs-layers',
        '--size',
        'tiny',
        '--page',
        '2',
        '--per-page',
        '10',
      ]),
    ).toMatchObject({
      name: 'leaderboard',
      dataset: 'fashion-mnist',
      query: { sort: 'latency', dir: 'desc', format: 'TFJS_LAYERS', size: 'tiny', page: 2, perPage: 10 },
    });
    expect(usageMessage(['leaderboard', 'mnist', '--sort', 'speed'])).toContain('--sort must be rank, model');
    expect(usageMessage(['leaderboard', 'mnist', '--per-page', '500'])).toContain('from 1 to 100');
    expect(usageMessage(['leaderboard'])).toContain('missing <dataset>');
  });

  it('needs a format to export and an id to wait for', () => {
    expect(parseCommandLine(['export', 'mnist', '--format', 'csv', '-o', 'board.csv'])).toMatchObject({
      name: 'export',
      format: 'csv',
      outputPath: 'board.csv',
    });
    expect(usageMessage(['export', 'mnist'])).toContain('--format csv');
    expect(usageMessage(['status', '--wait'])).toContain('needs a submission id');
    expect(parseCommandLine(['status'])).toMatchObject({ name: 'status', id: null, page: 1 });
    expect(parseCommandLine(['status', 'abc123', '--wait'])).toMatchObject({ id: 'abc123', wait: true });
  });

  it('passes score arguments through to the local scorer and answers --help anywhere', () => {
    expect(parseCommandLine(['score', 'm.onnx', '--dataset', 'mnist', '--json'])).toEqual({
      name: 'score',
      args: ['m.onnx', '--dataset', 'mnist', '--json'],
      isJson: true,
    });
    expect(parseCommandLine([])).toEqual({ name: 'help', topic: null });
    expect(parseCommandLine(['help', 'submit'])).toEqual({ name: 'help', topic: 'submit' });
    expect(parseCommandLine(['submit', '--help'])).toEqual({ name: 'help', topic: 'submit' });
    expect(parseCommandLine(['score', '--help'])).toEqual({ name: 'help', topic: 'score' });
    expect(usageMessage(['upload', 'm.onnx'])).toContain('Unknown command "upload"');
  });
});
