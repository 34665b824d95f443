import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Io } from './io.ts';

/** Everything piped in (`echo "$TOKEN" | tenfold login`), first line only. */
async function readPiped(stdin: Io['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed: the token is a secret. */
function prompt(io: Io, question: string): Promise<string> {
  io.errRaw(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: io.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    reader.once('line', (line) => {
      reader.close();
      io.errRaw('\n');
      resolve(line);
    });
    reader.once('close', () => resolve(''));
  });
}

/** The token for `tenfold login` when neither --token nor TENFOLD_TOKEN gives one. */
export async function readTokenInput(io: Io, tokensPage: string): Promise<string> {
  const text = io.stdin.isTTY ? await prompt(io, `Paste an API token from ${tokensPage}: `) : await readPiped(io.stdin);
  return text.trim();
}
