import { resolve } from 'node:path';
import { callApiJson } from '../api-client.ts';
import { submissionResponseSchema } from '../api-schemas.ts';
import type { CommandContext } from '../command-context.ts';
import { CliError } from '../exit-codes.ts';
import { formatBytes } from '../format-table.ts';
import type { Command } from '../parse-command-line.ts';
import { readModelFiles } from '../read-model-files.ts';
import { resolveSession } from '../resolve-session.ts';
import { buildSubmissionForm } from '../submission-form.ts';
import { followSubmission, reportSubmission } from './follow-submission.ts';

export async function runSubmit(
  command: Extract<Command, { name: 'submit' }>,
  context: CommandContext,
): Promise<number> {
  const session = await resolveSession(context.env, command.url);
  // Local problems (a missing file, a wrong extension) are reported before any network use.
  const upload = await readModelFiles(resolve(context.env.workingDir, command.modelPath));
  if (upload.note) context.io.err(upload.note);
  const fileCount = upload.files.length > 1 ? `${upload.files.length} files, ` : '';
  context.io.err(
    `Uploading "${command.fields.modelName}" (${fileCount}${formatBytes(upload.totalBytes)}) to ${session.url} ...`,
  );
  const { submission } = await callApiJson(session, '/submissions', submissionResponseSchema, {
    method: 'POST',
    body: buildSubmissionForm(command.fields, upload),
    needsToken: true,
  }).catch((error: unknown) => {
    if (error instanceof CliError && error.code === 'payload_too_large') {
      throw new CliError(
        `${error.message} (this upload: ${formatBytes(upload.totalBytes)})`,
        error.exitCode,
        error.code,
      );
    }
    throw error;
  });
  if (!command.wait) {
    if (!command.isJson) context.io.err(`Submitted. Follow it with: tenfold status ${submission.id} --wait`);
    return reportSubmission(submission, context, command.isJson);
  }
  const final = await followSubmission(session, submission, command.timeoutSeconds, context);
  return reportSubmission(final, context, command.isJson);
}
