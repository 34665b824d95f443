import { randomBytes } from 'node:crypto';
import { addRequestHook } from './add-request-hook.ts';

const HEADER_NAME = Symbol.for('tenfold.socketAddressHeader');
type Holder = { [HEADER_NAME]?: string };

/**
 * Next.js gives route handlers no socket, and its own X-Forwarded-For keeps whatever the
 * client sent. So, before Next sees a request, this copies the connection's address and the
 * X-Forwarded-For exactly as it arrived into headers whose name holds a random per-process
 * secret: a client cannot guess the name, so it cannot send a header that is read as either.
 * The name is kept on globalThis because instrumentation and route handlers are separate
 * bundles of one process.
 */
export function stampSocketAddresses(): void {
  const holder = globalThis as Holder;
  holder[HEADER_NAME] ??= `x-tenfold-socket-${randomBytes(16).toString('hex')}`;
  const name = holder[HEADER_NAME];
  addRequestHook('stampSocketAddresses', (request) => {
    request.headers[name] = request.socket.remoteAddress ?? '';
    const forwardedFor = request.headers['x-forwarded-for'];
    if (forwardedFor !== undefined) request.headers[`${name}-forwarded-for`] = forwardedFor;
    return false;
  });
}

export type StampedAddress = { socket: string; forwardedFor: string | null };

/** What stampSocketAddresses recorded for this request; null where it did not run. */
export function readStampedAddress(headers: Headers): StampedAddress | null {
  const name = (globalThis as Holder)[HEADER_NAME];
  const socket = name ? headers.get(name) : null;
  if (!name || !socket) return null;
  return { socket, forwardedFor: headers.get(`${name}-forwarded-for`) };
}
