import { spawnSync } from 'node:child_process';

/** Debian's Python, which python3-torch and python3-onnx install into (not a pyenv one on PATH). */
const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * The Python that tests cross-check the scorer with, after making sure it imports torch and onnx.
 * Call it at the top of a test file: a missing PyTorch then fails the file with the fix, never
 * turns its tests into skipped ones.
 */
export function requireSystemTorch(): string {
  const check = spawnSync(SYSTEM_PYTHON, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
  if (check.status !== 0) {
    const detail = (check.stderr || check.error?.message || '').trim().split('\n').at(-1);
    throw new Error(
      `PyTorch is missing: ${SYSTEM_PYTHON} cannot import torch and onnx (${detail}): run \`apt-get install python3-torch python3-onnx\` or \`npm test\`, which installs them.`,
    );
  }
  return SYSTEM_PYTHON;
}
