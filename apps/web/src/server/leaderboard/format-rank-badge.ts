/** Rough width of Verdana 11px text, as shields-style badges estimate it; no font metrics on the server. */
function textWidth(text: string): number {
  return Math.round(text.length * 6.6 + 10);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A flat two-part SVG badge ("Tenfold MNIST | #3 · 99.20%") for READMEs; no scripts, no external references. */
export function formatRankBadge(label: string, message: string, tone: 'ok' | 'none'): string {
  const left = textWidth(label);
  const right = textWidth(message);
  const width = left + right;
  const color = tone === 'ok' ? '#2f6feb' : '#9ca3af';
  const safeLabel = escapeXml(label);
  const safeMessage = escapeXml(message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${safeLabel}: ${safeMessage}"><title>${safeLabel}: ${safeMessage}</title><rect width="${left}" height="20" fill="#374151"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="${left / 2}" y="14">${safeLabel}</text><text x="${left + right / 2}" y="14">${safeMessage}</text></g></svg>`;
}
