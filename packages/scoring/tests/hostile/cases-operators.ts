import { classifierThen, type HostileCase } from './hostile-case.ts';
import { boolScalar, ifNode } from './subgraph-builders.ts';

const opsets = (domain: string) => ({
  opsets: [
    { domain: '', version: 13 },
    { domain, version: 1 },
  ],
});

export const OPERATOR_CASES: HostileCase[] = [
  {
    name: 'custom-domain-op',
    tries: 'a custom operator (native code from a custom-op library) in its own domain',
    build: () =>
      classifierThen([{ op: 'RunShell', domain: 'com.evil', inputs: ['logits'], outputs: ['out'] }], {
        options: opsets('com.evil'),
      }),
    reason: /operator "RunShell" from the domain "com\.evil", which is not a standard ONNX operator/,
  },
  {
    name: 'training-domain-op',
    tries: 'an optimizer operator from ai.onnx.preview.training',
    build: () =>
      classifierThen([{ op: 'Adam', domain: 'ai.onnx.preview.training', inputs: ['logits'], outputs: ['out'] }], {
        options: opsets('ai.onnx.preview.training'),
      }),
    reason: /operator "Adam" from the domain "ai\.onnx\.preview\.training"/,
  },
  {
    name: 'ort-internal-domain-op',
    tries: "an operator from ONNX Runtime's internal layout domain com.microsoft.nchwc",
    build: () =>
      classifierThen([{ op: 'ReorderInput', domain: 'com.microsoft.nchwc', inputs: ['logits'], outputs: ['out'] }], {
        options: opsets('com.microsoft.nchwc'),
      }),
    reason: /operator "ReorderInput" from the domain "com\.microsoft\.nchwc"/,
  },
  {
    name: 'custom-op-in-if-branch',
    tries: 'a custom operator hidden in an If branch',
    build: () =>
      classifierThen(
        [
          ifNode(
            'branch',
            [{ op: 'Exfiltrate', domain: 'com.evil', inputs: ['logits'], outputs: ['then_out'] }],
            [{ op: 'Identity', inputs: ['logits'], outputs: ['else_out'] }],
            'out',
          ),
        ],
        { initializers: [boolScalar('keep_going', true)], options: opsets('com.evil') },
      ),
    reason: /operator "Exfiltrate" from the domain "com\.evil" in the "then_branch" graph of If node "branch"/,
  },
  {
    name: 'recursive-function',
    tries: 'a model-local function that calls itself (endless inlining)',
    build: () =>
      classifierThen([{ op: 'Again', domain: 'local', inputs: ['logits'], outputs: ['out'] }], {
        options: {
          ...opsets('local'),
          functions: [
            {
              name: 'Again',
              domain: 'local',
              inputs: ['x'],
              outputs: ['y'],
              nodes: [{ op: 'Again', domain: 'local', inputs: ['x'], outputs: ['y'] }],
            },
          ],
        },
      }),
    reason: /ONNX Runtime could not load the model: .*must not be recursive/,
  },
];
