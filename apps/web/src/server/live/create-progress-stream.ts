import 'server-only';
import { isActiveStatus, type SubmissionProgress } from '@/lib/submission-progress';

export type ProgressStreamOptions = {
  /** Reads the submission's progress; null once it is gone (deleted or hidden). */
  read: () => Promise<SubmissionProgress | null>;
  /** The request's signal: the stream stops reading when the browser goes away. */
  signal: AbortSignal;
  pollMs?: number;
  /** A comment line this often keeps proxies from closing an idle connection. */
  keepAliveMs?: number;
  /** The stream ends after this; EventSource reconnects by itself, so no request lives forever. */
  maxDurationMs?: number;
};

const encoder = new TextEncoder();
/** How long a browser waits before reconnecting a stream that ended early. */
const RECONNECT_MS = 2_000;

/**
 * Server-sent events of a submission's progress: an event whenever what PostgreSQL says changed,
 * read every `pollMs`, until the submission is final (that state is the last event). Reading the
 * database rather than Redis keeps the page on the source of truth and works with any number of
 * web and worker processes.
 */
export function createProgressStream(options: ProgressStreamOptions): ReadableStream<Uint8Array> {
  const pollMs = options.pollMs ?? 1_000;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const maxDurationMs = options.maxDurationMs ?? 5 * 60_000;
  let isClosed = false;
  let timer: NodeJS.Timeout | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const started = Date.now();
      let lastSent = '';
      let lastWrite = started;
      const write = (text: string) => {
        controller.enqueue(encoder.encode(text));
        lastWrite = Date.now();
      };
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        clearTimeout(timer);
        controller.close();
      };
      options.signal.addEventListener('abort', close, { once: true });

      const tick = async () => {
        if (isClosed) return;
        const progress = await options.read().catch(() => undefined);
        if (isClosed) return;
        if (progress === null) {
          write('event: gone\ndata: {}\n\n');
          return close();
        }
        // undefined: the database did not answer this time; the next tick asks again.
        if (progress) {
          const data = JSON.stringify(progress);
          if (data !== lastSent) {
            lastSent = data;
            write(`data: ${data}\n\n`);
          }
          if (!isActiveStatus(progress.status)) return close();
        }
        if (Date.now() - lastWrite >= keepAliveMs) write(': keep-alive\n\n');
        if (Date.now() - started >= maxDurationMs) return close();
        timer = setTimeout(tick, pollMs);
      };
      write(`retry: ${RECONNECT_MS}\n\n`);
      void tick();
    },
    cancel() {
      isClosed = true;
      clearTimeout(timer);
    },
  });
}
