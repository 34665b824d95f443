import { classifierThen, floats, type HostileCase } from './hostile-case.ts';

const ones = () => floats('one', [1], [1]);

export const OUTPUT_CASES: HostileCase[] = [
  {
    name: 'nan-zero-over-zero',
    tries: 'NaN scores from 0 / 0 (logits - logits divided by itself)',
    build: () =>
      classifierThen([
        { op: 'Sub', inputs: ['logits', 'logits'], outputs: ['zero'] },
        { op: 'Div', inputs: ['zero', 'zero'], outputs: ['out'] },
      ]),
    reason: /returned NaN for image 0 of a batch: scores must be finite numbers/,
  },
  {
    name: 'nan-log-of-negative',
    tries: 'NaN scores from the Log of a negative number',
    build: () =>
      classifierThen(
        [
          { op: 'Abs', inputs: ['logits'], outputs: ['size'] },
          { op: 'Add', inputs: ['size', 'one'], outputs: ['positive'] },
          { op: 'Neg', inputs: ['positive'], outputs: ['negative'] },
          { op: 'Log', inputs: ['negative'], outputs: ['out'] },
        ],
        { initializers: [ones()] },
      ),
    reason: /returned NaN for image 0/,
  },
  {
    name: 'infinity-divide-by-zero',
    tries: '+Infinity scores from (|logits| + 1) / 0',
    build: () =>
      classifierThen(
        [
          { op: 'Abs', inputs: ['logits'], outputs: ['size'] },
          { op: 'Add', inputs: ['size', 'one'], outputs: ['positive'] },
          { op: 'Sub', inputs: ['logits', 'logits'], outputs: ['zero'] },
          { op: 'Div', inputs: ['positive', 'zero'], outputs: ['out'] },
        ],
        { initializers: [ones()] },
      ),
    reason: /returned Infinity for image 0/,
  },
  {
    name: 'overflow-to-infinity',
    tries: '-Infinity scores from an Exp that overflows float32',
    build: () =>
      classifierThen(
        [
          { op: 'Abs', inputs: ['logits'], outputs: ['size'] },
          { op: 'Add', inputs: ['size', 'hundred'], outputs: ['big'] },
          { op: 'Exp', inputs: ['big'], outputs: ['huge'] },
          { op: 'Neg', inputs: ['huge'], outputs: ['out'] },
        ],
        { initializers: [floats('hundred', [1], [100])] },
      ),
    reason: /returned -Infinity for image 0/,
  },
];
