// A workspace's `build` for the processes Node starts (the worker, the scoring child, `npm run
// score`): each entry and the @tenfold/* TypeScript it imports, bundled into dist/<name>.mjs, so
// those processes start on compiled JavaScript instead of compiling through the tsx loader.
// Usage (from the workspace folder): tsx ../../scripts/lib/bundle-node-entries.ts src/a.ts ...
import { rm } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';

// Third-party packages stay imports, resolved from node_modules at run time: the native ones
// (onnxruntime-node, Prisma's engines, TF.js's wasm) find their files relative to themselves.
// Only our own workspaces, which npm links as TypeScript sources, are compiled in.
const bundleWorkspacesOnly: Plugin = {
  name: 'bundle-workspaces-only',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tenfold/') ? undefined : { path: args.path, external: true },
    );
  },
};

const entryPoints = process.argv.slice(2);
if (entryPoints.length === 0) throw new Error('usage: bundle-node-entries.ts <entry.ts>...');
await rm('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Separate chunks keep a dynamic import lazy: the scoring child loads TF.js only for a TF.js
  // model, ONNX Runtime only for an ONNX one.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [bundleWorkspacesOnly],
});
