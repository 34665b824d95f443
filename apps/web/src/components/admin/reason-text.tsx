/** Longer reasons are cut to this many characters until opened, so a list of failures stays a list. */
const CUT_AT = 120;

/**
 * A failure or moderation reason in an admin table: whole when short, otherwise its first line
 * with the rest behind a native disclosure (no script, keyboard-operable).
 */
export function ReasonText({ text, className = '' }: { text: string; className?: string }) {
  if (text.length <= CUT_AT) return <div className={`reason-text ${className}`}>{text}</div>;
  return (
    <details className={`reason-text reason-text--long ${className}`} data-testid="reason-expand">
      <summary>
        <span className="reason-text__cut">{`${text.slice(0, CUT_AT).trimEnd()}… `}</span>
        <span className="reason-text__toggle">more</span>
      </summary>
      {text}
    </details>
  );
}
