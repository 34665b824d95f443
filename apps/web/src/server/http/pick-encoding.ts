/** The best encoding `accept` allows among br and gzip, honouring `;q=0`. */
export function pickEncoding(accept: string): 'br' | 'gzip' | null {
  const allowed = (coding: string) =>
    accept.split(',').some((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      if (name !== coding && name !== '*') return false;
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return null;
}
