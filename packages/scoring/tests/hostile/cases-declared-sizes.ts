import { MAX_ENTRIES, MAX_NODES } from '../../src/onnx/onnx-limits.ts';
import { buildOnnxModel, type OnnxNode, type OnnxTensor, writeGraph } from '../../src/testing/build-onnx-model.ts';
import { ProtobufWriter } from '../../src/testing/protobuf-writer.ts';
import { classifierThen, constantNode, floats, type HostileCase, linearGraph } from './hostile-case.ts';
import { boolScalar, ifNode } from './subgraph-builders.ts';

/** The classifier with its weight initializer W replaced. */
function withWeight(W: OnnxTensor): Uint8Array {
  const graph = linearGraph();
  return buildOnnxModel({ ...graph, initializers: [W, graph.initializers[1] as OnnxTensor] });
}

/** `depth` If nodes, each in the then-branch of the one before, the innermost passing logits on. */
function nestedIf(depth: number, output: string): OnnxNode {
  const inner: OnnxNode =
    depth === 1 ? { op: 'Identity', inputs: ['logits'], outputs: ['then_out'] } : nestedIf(depth - 1, 'then_out');
  return ifNode(`level-${depth}`, [inner], [{ op: 'Identity', inputs: ['logits'], outputs: ['else_out'] }], output);
}

export const DECLARED_SIZE_CASES: HostileCase[] = [
  {
    name: 'huge-declared-dims',
    tries: 'a weight declared [1000000, 1000000] (4 TB) holding 4 bytes',
    build: () => withWeight({ name: 'W', dims: [1_000_000, 1_000_000], rawData: new Uint8Array(4) }),
    reason: /Initializer "W" declares the shape \[1000000, 1000000\], more than the 67,108,864 elements/,
  },
  {
    name: 'int64-overflowing-dims',
    tries: 'dims whose product overflows int64 ([2^62, 2^62, 16])',
    build: () => withWeight({ name: 'W', dims: [2n ** 62n, 2n ** 62n, 16], rawData: new Uint8Array(4) }),
    reason: /Initializer "W" declares the shape .* elements Tenfold allows in one stored tensor/,
  },
  {
    name: 'negative-dims',
    tries: 'a weight declared [-1, 10]',
    build: () => withWeight({ name: 'W', dims: [-1, 10], rawData: new Uint8Array(40) }),
    reason: /Initializer "W" declares the shape \[-1, 10\] with a negative dimension/,
  },
  {
    name: 'too-many-dims',
    tries: 'a tensor of rank 40 (all ones)',
    build: () => withWeight({ name: 'W', dims: new Array(40).fill(1), rawData: new Uint8Array(4) }),
    reason: /Initializer "W" has more than 16 dimensions/,
  },
  {
    name: 'raw-data-shorter-than-dims',
    tries: 'a [784, 10] weight holding 40 bytes (ONNX Runtime pre-allocates from the dims)',
    build: () => withWeight({ name: 'W', dims: [784, 10], rawData: new Uint8Array(40) }),
    reason: /Initializer "W" declares the shape \[784, 10\] of float32 \(31360 bytes\) but holds 40 bytes of raw data/,
  },
  {
    name: 'dims-without-data',
    tries: 'a [784, 10] weight with no data at all',
    build: () => withWeight({ name: 'W', dims: [784, 10] }),
    reason: /Initializer "W" declares the shape \[784, 10\] of float32 but holds no values/,
  },
  {
    name: 'varint-amplified-constant',
    tries: 'a 34 MB int64 Constant of one-byte varints that decodes to 272 MB',
    build: () =>
      classifierThen([
        constantNode('big', {
          name: 'big',
          dims: [34_000_000],
          dataType: 7,
          packedInt64Data: new Uint8Array(34_000_000),
        }),
        { op: 'Identity', inputs: ['logits'], outputs: ['out'] },
      ]),
    reason: /values stored in the model add up to more than 256 MB once decoded/,
  },
  {
    name: 'sparse-initializer-dense-bomb',
    tries: 'a sparse initializer of one value whose dense shape is [100000, 100000] (40 GB once densified)',
    build: () => {
      const graph = linearGraph();
      const values = floats('S', [1], [1]);
      const indices: OnnxTensor = { name: 'S_indices', dims: [1], dataType: 7, int64Data: [0] };
      return buildOnnxModel({ ...graph, sparseInitializers: [{ dims: [100_000, 100_000], values, indices }] });
    },
    reason: /Sparse initializer \(dense\) declares the shape \[100000, 100000\], more than the 67,108,864 elements/,
  },
  {
    name: 'too-many-nodes',
    tries: `${MAX_NODES + 1} Identity nodes in a chain`,
    build: () => {
      const chain: OnnxNode[] = [];
      for (let i = 0; i < MAX_NODES; i++) {
        chain.push({ op: 'Identity', inputs: [i === 0 ? 'logits' : `v${i - 1}`], outputs: [`v${i}`] });
      }
      chain.push({ op: 'Identity', inputs: [`v${MAX_NODES - 1}`], outputs: ['out'] });
      return classifierThen(chain);
    },
    reason: /more than 100,000 nodes/,
  },
  {
    name: 'million-empty-entries',
    tries: `${MAX_ENTRIES + 1} empty value_info entries (2 bytes each, a C++ object each in ONNX Runtime)`,
    build: () => {
      const empties = new Uint8Array(2 * (MAX_ENTRIES + 1));
      for (let i = 0; i < empties.length; i += 2) empties[i] = (13 << 3) | 2;
      return new ProtobufWriter()
        .int(1, 8)
        .message(7, (g) => {
          writeGraph(g, linearGraph());
          g.raw(empties);
        })
        .message(8, (o) => o.string(1, '').int(2, 13))
        .finish();
    },
    reason: /more than 1,000,000 entries/,
  },
  {
    name: 'deep-subgraph-nesting',
    tries: 'If nodes nested 12 deep',
    build: () => classifierThen([nestedIf(12, 'out')], { initializers: [boolScalar('keep_going', true)] }),
    reason: /nests subgraphs \(If, Loop or Scan bodies\) more than 8 levels deep/,
  },
];
