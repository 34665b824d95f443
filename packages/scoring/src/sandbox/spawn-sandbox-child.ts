import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectIsolation } from './isolation-prefix.ts';
import type { SandboxImages } from './sandbox-protocol.ts';

/**
 * How Node starts the child's code. A compiled parent (the worker's or `npm run score`'s bundle)
 * starts the compiled child, `@tenfold/scoring/sandbox-child`, built with it; a parent run from
 * source (tests) starts the source through tsx, so an edit is never run from a stale build.
 * TENFOLD_SANDBOX_CHILD=compiled makes a source parent start the compiled child: benches that
 * time scoring as the worker does it (through tsx, a spare child's start takes twice the CPU).
 */
function childEntryArgs(): string[] {
  const require = createRequire(import.meta.url);
  if (!import.meta.url.endsWith('.ts') || process.env.TENFOLD_SANDBOX_CHILD === 'compiled') {
    return [require.resolve('@tenfold/scoring/sandbox-child')];
  }
  return ['--import', require.resolve('tsx'), fileURLToPath(new URL('./sandbox-child.ts', import.meta.url))];
}

export type SandboxChild = {
  child: ChildProcess;
  jobDir: string;
  dispose: () => Promise<void>;
  /** Images this child was told to read before its job, with their ids (see keepImagesReady). */
  preloaded: Map<Uint8Array, number>;
};

/** Fails clearly when a folder above the work folder is closed to other users. */
async function assertTraversable(folder: string): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The scoring sandbox runs models as an unprivileged user, which cannot reach the work folder through ${current}: allow it to pass (chmod o+x ${current}) or set TENFOLD_WORK_DIR elsewhere.`,
      );
    }
    if (current === dirname(current)) return;
  }
}

/** Room above the memory limit for Node and the engines' own code and reservations. */
const DATA_LIMIT_HEADROOM_MB = 256;

/**
 * Starts a scoring child in a fresh job folder: its cwd, HOME and TMPDIR (onnxruntime-node
 * writes session files there), with nothing of the parent's environment but PATH, under the
 * isolation detectIsolation() finds (memory limit, no network, unprivileged user).
 */
export async function spawnSandboxChild(workDir: string, memoryMb: number, isSpare = false): Promise<SandboxChild> {
  await mkdir(workDir, { recursive: true });
  const jobDir = await mkdtemp(join(workDir, 'job-'));
  const isolation = detectIsolation();
  if (isolation.uid !== null && isolation.gid !== null) {
    // The unprivileged child may pass through the work folder (not list it) into its own job folder.
    await chmod(workDir, 0o711);
    await assertTraversable(dirname(workDir));
    await chown(jobDir, isolation.uid, isolation.gid);
  }
  const [command = process.execPath, ...prefix] = [
    ...isolation.wrap((memoryMb + DATA_LIMIT_HEADROOM_MB) * 1024 * 1024),
    process.execPath,
  ];
  const nodeArgs = [`--max-old-space-size=${memoryMb}`, ...childEntryArgs(), ...(isSpare ? ['--preload'] : [])];
  const child = spawn(command, [...prefix, ...nodeArgs], {
    cwd: jobDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOME: jobDir,
      TMPDIR: jobDir,
      XDG_CACHE_HOME: jobDir,
      // ONNX Runtime's telemetry otherwise writes under ~/.cache and calls home.
      ORT_DISABLE_TELEMETRY: '1',
    },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const dispose = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await rm(jobDir, { recursive: true, force: true });
  };
  return { child, jobDir, dispose, preloaded: new Map() };
}

// A job's images (~16 MB: the test split and its shifted copy) sent in its request are
// serialised on the worker's thread, written through a pipe and copied again in the child: tens
// of milliseconds per test split, which sending them ahead to a spare child only moved onto the
// worker's thread while it wrote the previous job's result (30-70 ms per split here, 48 MB in
// all). The images are the worker's own cached arrays, the same for every job of a dataset, so
// each is written once to a read-only file named by its content, in the work folder; a spare
// child reads the files while it waits, and the request names them. Bounded per work folder, so
// that a caller passing new arrays each time cannot grow it: two datasets' test splits, shifted
// copies and sanity samples fit.
const MAX_PRELOADED_BYTES = 48 * 1024 * 1024;
const IMAGES_FOLDER = 'images';
type ImagesFile = { id: number; byteLength: number; path: Promise<string | null> };
type ImagesFiles = { files: Map<Uint8Array, ImagesFile>; bytes: number };
const imagesFilesByWorkDir = new Map<string, ImagesFiles>();

/**
 * Writes `images` to `<workDir>/images/<sha256>.u8` unless a file of that name and size is there:
 * written under a temporary name and renamed, so a reader never sees half a file, and read-only;
 * the folder, like the work folder, lets the sandbox's user reach a file it is told the name of
 * without listing the others. Worker processes sharing a work folder share the files.
 */
async function writeImagesFile(workDir: string, images: Uint8Array): Promise<string> {
  const folder = join(workDir, IMAGES_FOLDER);
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o711);
  const path = join(folder, `${createHash('sha256').update(images).digest('hex')}.u8`);
  const existing = await stat(path).catch(() => null);
  if (existing?.size === images.byteLength) return path;
  const temporary = `${path}.${randomUUID()}`;
  await writeFile(temporary, images, { mode: 0o444 });
  await rename(temporary, path);
  return path;
}

/** Remembers images every job uses, to be read by each spare child before its job. */
export function keepImagesReady(workDir: string, images: Uint8Array[]): void {
  let kept = imagesFilesByWorkDir.get(workDir);
  if (!kept) {
    kept = { files: new Map(), bytes: 0 };
    imagesFilesByWorkDir.set(workDir, kept);
  }
  for (const array of images) {
    if (kept.files.has(array) || kept.bytes + array.byteLength > MAX_PRELOADED_BYTES) continue;
    // A file that cannot be written is not preloaded: the request carries those images instead.
    const path = writeImagesFile(workDir, array).catch(() => null);
    kept.files.set(array, { id: kept.files.size, byteLength: array.byteLength, path });
    kept.bytes += array.byteLength;
  }
}

async function preloadImages(sandbox: SandboxChild, workDir: string): Promise<SandboxChild> {
  for (const [images, file] of imagesFilesByWorkDir.get(workDir)?.files ?? []) {
    const path = await file.path;
    if (path === null) continue;
    const message: SandboxImages = { type: 'images', id: file.id, path, byteLength: file.byteLength };
    sandbox.child.send(message);
    sandbox.preloaded.set(images, file.id);
  }
  return sandbox;
}

// Starting a child (Node, ONNX Runtime, and from source the TypeScript loader) takes a few tenths of a second, so a
// worker keeps one started child per setting ready for its next job.
const spares = new Map<string, Promise<SandboxChild>>();

function spareKey(workDir: string, memoryMb: number): string {
  return `${workDir}\0${memoryMb}`;
}

/** Starts the spare for the next job, unless one is ready or starting. */
function startSpare(workDir: string, memoryMb: number): void {
  const key = spareKey(workDir, memoryMb);
  if (spares.has(key)) return;
  const next = spawnSandboxChild(workDir, memoryMb, true).then((spare) => preloadImages(spare, workDir));
  next.catch(() => spares.delete(key));
  spares.set(key, next);
}

/**
 * A started child: the spare when there is one, else a new one. With keepWarm the spare for the
 * next job is started by `startSpare` (the caller calls it once the part of its run that others
 * wait for is done, so starting Node and ONNX Runtime does not compete with it) or, at the
 * latest, when the child is disposed.
 */
export async function takeSandboxChild(
  workDir: string,
  memoryMb: number,
  keepWarm: boolean,
): Promise<SandboxChild & { startSpare: () => void }> {
  const key = spareKey(workDir, memoryMb);
  const spare = spares.get(key);
  spares.delete(key);
  const ready = spare ? await spare.catch(() => null) : null;
  const child =
    ready && ready.child.exitCode === null && ready.child.connected
      ? ready
      : await spawnSandboxChild(workDir, memoryMb);
  if (!keepWarm) return { ...child, startSpare: () => undefined };
  return {
    ...child,
    startSpare: () => startSpare(workDir, memoryMb),
    dispose: async () => {
      startSpare(workDir, memoryMb);
      await child.dispose();
    },
  };
}

/** Stops the spare children (at shutdown, so no process outlives the worker). */
export async function disposeSpareSandboxes(): Promise<void> {
  const pending = [...spares.values()];
  spares.clear();
  await Promise.all(pending.map(async (spare) => (await spare.catch(() => null))?.dispose()));
}
