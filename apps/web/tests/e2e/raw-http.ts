import { connect } from 'node:net';

export type RawRequest = {
  method: string;
  /** Sent as is: percent-encoding, odd bytes and all. */
  target: string;
  headers?: Array<[string, string]>;
  body?: string | Buffer;
};

export type RawResponse = { status: number; headers: Map<string, string> };

/**
 * One HTTP/1.1 request over a plain socket to 127.0.0.1, written byte for byte: fetch refuses
 * TRACE, lowercase or made-up methods and non-Latin-1 header values, which is what a fuzz test
 * needs to send. Resolves with the status line and headers; the body is not waited for (event
 * streams never end).
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const lines = [
    `${request.method} ${request.target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    ...(request.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    ...(body.length > 0 || !['GET', 'HEAD'].includes(request.method) ? [`Content-Length: ${body.length}`] : []),
  ];
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    // write, not end: a half-closed socket makes Node's server drop the request unanswered.
    socket.on('connect', () => socket.write(Buffer.concat([head, body])));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      clearTimeout(timer);
      socket.destroy();
      const [statusLine = '', ...headerLines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
      const headers = new Map<string, string>();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      resolve({ status, headers });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (received.indexOf('\r\n\r\n') === -1) reject(new Error('connection closed without an answer'));
    });
  });
}
