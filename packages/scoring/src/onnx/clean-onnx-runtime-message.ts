// ONNX Runtime prefixes its messages with the C++ source location and, often, the full
// signature of the function that failed ("/onnxruntime_src/.../model.cc:202
// onnxruntime::Model::Model(onnx::ModelProto&&, ...) Unsupported model IR version: 14"). Those
// can fill the whole length a message is cut to and hide the reason from the submitter.
const SOURCE_LOCATION = /(?:[\w.-]*\/)*[\w.-]+\.(?:cc|cpp|h|hpp|cu):\d+ /;
const STATUS_PREFIX = /\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : /g;
const SIGNATURE_HEAD = /^[\w:<>~*&, ]*::[\w~]+$|^[\w~]+$/;
const FUNCTION_NAME = /^[A-Z]\w+ /;
/** Node names from the model can appear in messages at any length: bound the regex work. */
const MAX_MESSAGE_CHARS = 4000;

/** Index just past the parenthesis that closes the one at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function dropSignature(rest: string): string {
  const open = rest.indexOf('(');
  if (open > 0 && SIGNATURE_HEAD.test(rest.slice(0, open).replace(/^\w+ (?=\S*::)/, ''))) {
    const end = closingParen(rest, open);
    if (end > 0)
      return rest
        .slice(end)
        .replace(/^ const\b/, '')
        .trimStart();
  }
  return rest.replace(FUNCTION_NAME, '');
}

/** ONNX Runtime's message without source locations, function signatures and status codes. */
export function cleanOnnxRuntimeMessage(message: string): string {
  let text = message.slice(0, MAX_MESSAGE_CHARS).replace(STATUS_PREFIX, '');
  for (let match = SOURCE_LOCATION.exec(text); match; match = SOURCE_LOCATION.exec(text)) {
    const rest = text.slice(match.index + match[0].length);
    text = text.slice(0, match.index) + dropSignature(rest);
  }
  return text.trim();
}
