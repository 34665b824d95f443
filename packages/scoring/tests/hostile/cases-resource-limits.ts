import { buildOnnxModel, type OnnxNode, type OnnxTensor } from '../../src/testing/build-onnx-model.ts';
import { classifierThen, type HostileCase, int64s, linearGraph } from './hostile-case.ts';
import { boolScalar, int64Scalar, loopBody, loopNode } from './subgraph-builders.ts';

// Nothing in these files is too big to declare: only running them shows the cost, so the
// sandbox's limits must stop them. The corpus runs them with small limits (see the test).
// Under the hard data limit the engine's allocation fails (preferred: the message names the
// size); without it (no prlimit) the resident-memory watchdog stops the process.
const MEMORY_REASON = /over the scoring memory limit|512 MB memory limit/;

/**
 * The classifier fed through `blowUp`, which turns `input` [N, 1, 28, 28] into `big`
 * [N, 10000, 28, 28] (3.1 GB for a batch of 100), summed back to one channel.
 */
function throughBlowUp(blowUp: OnnxNode, initializers: OnnxTensor[]): Uint8Array {
  const graph = linearGraph();
  return buildOnnxModel({
    ...graph,
    nodes: [
      blowUp,
      { op: 'ReduceSum', inputs: ['big', 'channels'], outputs: ['summed'], intAttributes: { keepdims: 1 } },
      { op: 'Flatten', inputs: ['summed'], outputs: ['flat'], intAttributes: { axis: 1 } },
      graph.nodes[1] as OnnxNode,
    ],
    initializers: [...graph.initializers, ...initializers, int64s('channels', [1])],
  });
}

export const RESOURCE_LIMIT_CASES: HostileCase[] = [
  {
    name: 'expand-memory-bomb',
    tries: 'an Expand of the input to [N, 10000, 28, 28]: 3.1 GB per batch',
    build: () =>
      throughBlowUp({ op: 'Expand', inputs: ['input', 'wide'], outputs: ['big'] }, [int64s('wide', [1, 10_000, 1, 1])]),
    reason: MEMORY_REASON,
  },
  {
    name: 'tile-memory-bomb',
    tries: 'a Tile of the input 10,000 times along channels: 3.1 GB per batch',
    build: () =>
      throughBlowUp({ op: 'Tile', inputs: ['input', 'repeats'], outputs: ['big'] }, [
        int64s('repeats', [1, 10_000, 1, 1]),
      ]),
    reason: MEMORY_REASON,
  },
  {
    name: 'constant-of-shape-bomb',
    tries: 'a ConstantOfShape of [30000, 30000] floats (3.6 GB) added into the scores',
    build: () =>
      classifierThen(
        [
          { op: 'ConstantOfShape', inputs: ['huge_shape'], outputs: ['zeros'] },
          { op: 'ReduceSum', inputs: ['zeros'], outputs: ['total'], intAttributes: { keepdims: 0 } },
          { op: 'Add', inputs: ['logits', 'total'], outputs: ['out'] },
        ],
        { initializers: [int64s('huge_shape', [30_000, 30_000])] },
      ),
    reason: MEMORY_REASON,
  },
  {
    name: 'loop-spins-forever',
    tries: 'a Loop with a trip count of 2^63 - 1 whose condition stays true',
    build: () =>
      classifierThen(
        [loopNode('spin', loopBody([{ op: 'Identity', inputs: ['v_in'], outputs: ['v_out'] }]), 'logits', 'out')],
        { initializers: [int64Scalar('trip', 2n ** 63n - 1n), boolScalar('keep_going', true)] },
      ),
    limits: { wallTimeMs: 3_000 },
    reason: /Scoring took longer than the 3 s limit and was stopped/,
  },
];
