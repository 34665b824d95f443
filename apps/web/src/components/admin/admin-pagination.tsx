import Link from 'next/link';
import { formatCount } from '@/lib/format';

type Props = {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
};

/** Previous/next links that keep the filters; plain links, so each page has its own URL. */
export function AdminPagination({ basePath, params, page, pageCount, total }: Props) {
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    if (target > 1) query.set('page', String(target));
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)}>← Newer</Link> : <span />}
      <span className="muted small" data-testid="result-count">
        Page {page} of {pageCount} · {formatCount(total)} in all
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Older →</Link> : <span />}
    </nav>
  );
}
