import { type IncomingMessage, Server, type ServerResponse } from 'node:http';

/** Runs before Next.js sees a request; true when it has answered the request itself. */
export type RequestHook = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * `next start` offers no earlier hook than the HTTP server's request event, so the web app's
 * own request hooks wrap Server.prototype.emit (before the server is created, from
 * instrumentation.ts). Each is installed once per process, under `name`, whichever bundle asks;
 * the last one installed runs first. A hook that answers stops the request there.
 */
export function addRequestHook(name: string, hook: RequestHook): void {
  const installed = Symbol.for(`tenfold.requestHook.${name}`);
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && hook(...(args as [IncomingMessage, ServerResponse]))) return true;
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}
