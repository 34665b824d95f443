import { pause, waitUntil } from '@tenfold/db/testing';
import { describe, expect, it } from 'vitest';
import type { SubmissionProgress } from '@/lib/submission-progress';
import { createProgressStream } from './create-progress-stream.ts';

const at = (status: SubmissionProgress['status'], progressImages = 0): SubmissionProgress => ({
  status,
  progressImages,
  totalImages: 10_000,
  queuedAhead: status === 'QUEUED' ? 2 : null,
  etaMs: status === 'QUEUED' || status === 'RUNNING' ? 5_000 : null,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream) text += decoder.decode(chunk);
  return text;
}

/** A read() that answers each state in turn, then repeats the last one. */
function reads(...states: Array<SubmissionProgress | null | Error>) {
  let index = 0;
  return async () => {
    const state = states[Math.min(index++, states.length - 1)];
    if (state instanceof Error) throw state;
    return state ?? null;
  };
}

describe('createProgressStream', () => {
  it('sends an event per change only, and ends with the final state', async () => {
    const read = reads(at('QUEUED'), at('QUEUED'), at('RUNNING', 2_000), at('RUNNING', 2_000), at('SCORED', 10_000));
    const text = await readAll(createProgressStream({ read, signal: new AbortController().signal, pollMs: 1 }));
    const events = text.split('\n\n').filter((block) => block.startsWith('data: '));
    expect(events.map((block) => JSON.parse(block.slice(6)).status)).toEqual(['QUEUED', 'RUNNING', 'SCORED']);
    expect(text.startsWith('retry: ')).toBe(true);
  });

  it('rides out a database that does not answer for a moment', async () => {
    const read = reads(new Error('Connection terminated'), at('FAILED'));
    const text = await readAll(createProgressStream({ read, signal: new AbortController().signal, pollMs: 1 }));
    expect(text).toContain('"status":"FAILED"');
  });

  it('says when the submission is gone, and stops', async () => {
    const text = await readAll(
      createProgressStream({ read: reads(null), signal: new AbortController().signal, pollMs: 1 }),
    );
    expect(text).toContain('event: gone');
  });

  it('keeps an idle connection open with comments, ends after its maximum duration, and stops when the browser leaves', async () => {
    const idle = await readAll(
      createProgressStream({
        read: reads(at('RUNNING')),
        signal: new AbortController().signal,
        pollMs: 5,
        keepAliveMs: 10,
        maxDurationMs: 60,
      }),
    );
    expect(idle).toContain(': keep-alive');

    const browser = new AbortController();
    let calls = 0;
    const stream = createProgressStream({
      read: async () => {
        calls++;
        return at('RUNNING');
      },
      signal: browser.signal,
      pollMs: 5,
    });
    const text = readAll(stream);
    await waitUntil(() => calls >= 3, { timeoutMs: 5_000, intervalMs: 5, description: 'three polls' });
    browser.abort();
    await text;
    const after = calls;
    // Six poll intervals: a stream that kept polling after the abort would have read again.
    await pause(30);
    expect(calls).toBe(after);
  });
});
