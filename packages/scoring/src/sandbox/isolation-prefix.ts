import { execFileSync } from 'node:child_process';

/** The unprivileged account scoring children run as when the worker runs as root. */
const SANDBOX_UID = 65534; // nobody
const SANDBOX_GID = 65534; // nogroup

export type Isolation = {
  /** Command words placed before `node ...` when starting a child. */
  wrap: (dataLimitBytes: number) => string[];
  /** The uid the child runs as, so its job folder can be handed over; null = our own. */
  uid: number | null;
  gid: number | null;
  description: string;
};

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

let detected: Isolation | null = null;

/**
 * The strongest isolation this machine allows for untrusted models, found once per process:
 * always a hard data-segment limit (prlimit), so a model's native allocations fail instead of
 * growing past the limit between two resident-memory polls; and, where the worker runs as root
 * with permission to create namespaces (the project's machines), no network (unshare --net) and
 * an unprivileged user (setpriv) so the model's process can write nothing but its job folder.
 * A container running as a normal user gets the limit only.
 */
export function detectIsolation(): Isolation {
  if (detected) return detected;
  const isRoot = process.getuid?.() === 0;
  const canUnshare = isRoot && works('unshare', ['--net', '--', 'true']);
  const canDropUser =
    isRoot && works('setpriv', [`--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, '--clear-groups', '--', 'true']);
  const hasPrlimit = works('prlimit', ['--version']);
  detected = {
    wrap: (dataLimitBytes) => [
      ...(hasPrlimit ? ['prlimit', `--data=${dataLimitBytes}`, '--'] : []),
      ...(canUnshare ? ['unshare', '--net', '--'] : []),
      ...(canDropUser ? ['setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, '--clear-groups', '--'] : []),
    ],
    uid: canDropUser ? SANDBOX_UID : null,
    gid: canDropUser ? SANDBOX_GID : null,
    description: [
      hasPrlimit ? 'memory limit' : 'no hard memory limit (prlimit missing)',
      canUnshare ? 'no network' : 'network not isolated',
      canDropUser ? 'unprivileged user' : 'same user as the worker',
    ].join(', '),
  };
  return detected;
}
