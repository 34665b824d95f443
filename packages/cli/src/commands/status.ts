import { callApiJson } from '../api-client.ts';
import { submissionListSchema } from '../api-schemas.ts';
import type { CommandContext } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatSubmissionList } from '../format-submission.ts';
import type { Command } from '../parse-command-line.ts';
import { resolveSession } from '../resolve-session.ts';
import { getSubmission } from '../wait-for-submission.ts';
import { followSubmission, reportSubmission } from './follow-submission.ts';

export async function runStatus(
  command: Extract<Command, { name: 'status' }>,
  context: CommandContext,
): Promise<number> {
  const session = await resolveSession(context.env, command.url);
  if (command.id === null) {
    const list = await callApiJson(session, `/submissions?page=${command.page}`, submissionListSchema, {
      needsToken: true,
    });
    if (command.isJson) context.io.out(JSON.stringify(list, null, 2));
    else {
      context.io.out(formatSubmissionList(list.data));
      const { page, pageCount } = list.pagination;
      if (page < pageCount) context.io.out(`page ${page} of ${pageCount}: tenfold status --page ${page + 1}`);
    }
    return EXIT.ok;
  }
  let submission = await getSubmission(session, command.id);
  if (command.wait) submission = await followSubmission(session, submission, command.timeoutSeconds, context);
  return reportSubmission(submission, context, command.isJson);
}
