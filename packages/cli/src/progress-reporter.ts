import type { Submission } from './api-schemas.ts';
import { formatProgress } from './format-submission.ts';

/** Plain-line mode prints RUNNING progress at most once per this many percent. */
const PLAIN_STEP_PERCENT = 10;

export type ProgressReporter = { update: (submission: Submission) => void; done: () => void };

/**
 * The --wait progress on stderr: on a terminal one line rewritten in place; in a log (CI, a
 * pipe) a new line only when the state changes or scoring passes another 10%.
 */
export function createProgressReporter(write: (chunk: string) => void, isTty: boolean): ProgressReporter {
  let lastLine = '';
  let lastKey = '';
  let isLineOpen = false;
  return {
    update(submission) {
      const line = formatProgress(submission);
      if (isTty) {
        if (line === lastLine) return;
        write(`\r\x1b[2K${line}`);
        isLineOpen = true;
      } else {
        const { progress } = submission;
        const step =
          submission.status === 'RUNNING' && progress && progress.total > 0
            ? Math.floor((progress.images / progress.total) * (100 / PLAIN_STEP_PERCENT))
            : -1;
        const key = `${submission.status}:${submission.queuePosition}:${step}`;
        if (key === lastKey) return;
        lastKey = key;
        write(`${line}\n`);
      }
      lastLine = line;
    },
    done() {
      if (isLineOpen) write('\n');
      isLineOpen = false;
    },
  };
}
