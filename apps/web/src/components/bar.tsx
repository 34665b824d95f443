/**
 * A horizontal bar for a 0..1 value. SVG attributes rather than an inline `style` width, so
 * the page's Content-Security-Policy can forbid inline styles.
 */
export function Bar({ value, tone = 'brand' }: { value: number; tone?: 'brand' | 'muted' }) {
  const width = Math.max(0, Math.min(1, value)) * 100;
  return (
    <svg
      className={`bar bar--${tone}`}
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="bar__track" x="0" y="0" width="100" height="8" rx="0" />
      <rect className="bar__fill" x="0" y="0" width={width.toFixed(2)} height="8" rx="0" />
    </svg>
  );
}
