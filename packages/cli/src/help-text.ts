import { EXIT_CODES_HELP } from './exit-codes.ts';

export const COMMAND_NAMES = ['login', 'logout', 'submit', 'status', 'leaderboard', 'export', 'score'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const SERVER_HELP = `Server and token:
  --url URL           the Tenfold server (else TENFOLD_URL, else the one you logged in to,
                      else http://localhost:3000)
  TENFOLD_TOKEN       an API token to use instead of the saved login (for CI)
  Saved login: $XDG_CONFIG_HOME/tenfold/config.json (default ~/.config/tenfold), mode 0600.`;

const COMMAND_HELP: Record<CommandName, string> = {
  login: `Usage: tenfold login [--token tf_...] [--url URL] [--json]

Checks an API token with the server (GET /api/v1/me) and saves it with the server's URL.
Make a token on the site under Settings > Tokens. The token is read from --token, else
TENFOLD_TOKEN, else standard input (a prompt on a terminal; piped: echo "$T" | tenfold login).
Prefer stdin: --token shows the secret to anyone who can list processes.`,
  logout: `Usage: tenfold logout [--json]

Deletes the saved login (the token stays valid on the server: revoke it under Settings > Tokens).`,
  submit: `Usage: tenfold submit <model> --dataset mnist|fashion-mnist [options]

<model> is an .onnx file (the external-data files it names, such as the model.onnx.data
PyTorch 2.9+ writes, are sent with it from the same folder), a .zip of a model folder, or a
TF.js model folder (or its model.json; the weight shards it lists are sent with it).

  --dataset D         mnist or fashion-mnist (required)
  --name NAME         the model's name on the site (default: the file name). Uploading again
                      under the same name adds a new version of that model.
  --layout L          nchw (default, [N,1,28,28] as PyTorch), nhwc ([N,28,28,1] as Keras), flat ([N,784]),
                      nhw ([N,28,28], Keras Flatten(input_shape=(28, 28)))
  --scale S           unit (default, pixel/255), byte (0..255), standard ((pixel/255 - mean)/std)
  --mean M --std S    for --scale standard; default the dataset's usual values
                      (MNIST 0.1307/0.3081, Fashion-MNIST 0.286/0.353)
  --output O          logits (default) or probabilities
  --visibility V      public (default: ranked on the leaderboard) or private (only you see it)
  --wait              follow the scoring and print accuracy, rank and per-class results
  --timeout SECONDS   with --wait, give up waiting after this long (default 3600; scoring goes on)
  --json              print the submission as JSON (with --wait, the final one)`,
  status: `Usage: tenfold status [<submission-id>] [--wait] [--json]

With an id: that submission's state, and its results once scored (--wait follows it to the end).
Without: your recent submissions (--page N for older ones).`,
  leaderboard: `Usage: tenfold leaderboard mnist|fashion-mnist [options]

  --sort KEY          rank (default), accuracy, parameters, size, latency, model, submitter, date, format
  --dir asc|desc      sort direction (default: the natural one for the key)
  --model-format F    only onnx, tfjs-layers or tfjs-graph models
  --size BUCKET       only tiny (<=100 KiB), small (<=1 MiB), medium (<=10 MiB) or large models
  --page N            page N (50 per page unless --per-page, at most 100)
  --json              the API's answer as JSON`,
  export: `Usage: tenfold export mnist|fashion-mnist --format csv|json [--output FILE]

Writes the whole public leaderboard as CSV or JSON to FILE, or to standard output.`,
  score: `Usage: tenfold score <model> --dataset mnist|fashion-mnist [--layout L] [--scale S [--mean M --std S]]
                     [--output logits|probabilities] [--json]

Scores a model on this machine, without a server, with the same scorer as Tenfold's workers
(it runs \`npm run score\`). Use it to check a model and its options before submitting.`,
};

export function commandHelp(name: CommandName): string {
  return `${COMMAND_HELP[name]}\n\n${name === 'score' || name === 'logout' ? EXIT_CODES_HELP : `${SERVER_HELP}\n\n${EXIT_CODES_HELP}`}`;
}

export const MAIN_HELP = `tenfold: submit image classifiers to a Tenfold server and read its leaderboards.

Usage: tenfold <command> [options]        tenfold <command> --help for details

Commands:
  login                      save an API token for a server (checked first)
  logout                     forget the saved token
  submit <model> --dataset D upload an ONNX or TF.js model; --wait follows it until scored
  status [<id>]              a submission's state and results, or your recent submissions
  leaderboard <dataset>      the public leaderboard of mnist or fashion-mnist
  export <dataset>           the whole leaderboard as CSV or JSON
  score <model> --dataset D  score a model locally, as the server would

Every command takes --json for output that scripts can parse (errors too, on stdout).

${SERVER_HELP}

${EXIT_CODES_HELP}

Guides: docs/guides/ in the repository, or /guides on the site.`;
