import { request } from 'node:http';

export type AddressedRequest = {
  method: string;
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
};

export type AddressedResponse = { status: number; headers: Headers; body: unknown; durationMs: number };

let nextHost = 10;

/**
 * A loopback address no other test of the file has used: all of 127.0.0.0/8 reaches a server
 * listening on 127.0.0.1, and the server sees this as the socket's remote address, so a test
 * can be many clients at once without trusting any header.
 */
export function freshLoopbackAddress(): string {
  nextHost += 1;
  return `127.0.${Math.floor(nextHost / 250)}.${(nextHost % 250) + 2}`;
}

/**
 * An HTTP request from `localAddress` (fetch cannot choose its source address). Sends the
 * app's Origin, as a browser page of the app would, and reads the body as JSON when it is.
 */
export function requestFrom(baseUrl: string, localAddress: string, call: AddressedRequest): Promise<AddressedResponse> {
  const url = new URL(call.path, baseUrl);
  const body = call.json === undefined ? undefined : Buffer.from(JSON.stringify(call.json));
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Origin: url.origin,
    ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } : {}),
    ...call.headers,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: call.method,
        headers,
        localAddress,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) responseHeaders.append(name, one);
          }
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: kept as text.
          }
          resolve({
            status: incoming.statusCode ?? 0,
            headers: responseHeaders,
            body: parsed,
            durationMs: performance.now() - started,
          });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The session cookie a response set, as a `Cookie` header value. */
export function cookieFrom(response: AddressedResponse): string {
  return response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}
