/** Where a command writes: results to stdout (what scripts read), progress and errors to stderr. */
export type Io = {
  out: (text: string) => void;
  /** Bytes as they are (an exported CSV), without an added newline. */
  outRaw: (chunk: Uint8Array) => void;
  err: (text: string) => void;
  /** For the progress line, which rewrites itself with \r instead of ending lines. */
  errRaw: (chunk: string) => void;
  /** Progress on a terminal rewrites one line; otherwise it is printed as plain lines. */
  isErrTty: boolean;
  /** Standard input, for a token piped into `tenfold login`. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
};

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    outRaw: (chunk) => process.stdout.write(chunk),
    err: (text) => process.stderr.write(`${text}\n`),
    errRaw: (chunk) => process.stderr.write(chunk),
    isErrTty: Boolean(process.stderr.isTTY),
    stdin: process.stdin,
  };
}
