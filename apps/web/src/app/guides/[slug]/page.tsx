import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findGuide, readGuideMarkdown } from '../guide-files.ts';
import { GuideMarkdown } from '../guide-markdown.tsx';

/** Served from the page cache (server/cache/cached-page-path.ts), rendered on first request. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = findGuide((await params).slug);
  return guide ? { title: guide.title, description: guide.summary } : {};
}

export default async function GuidePage({ params }: Props) {
  const guide = findGuide((await params).slug);
  if (!guide) notFound();
  const markdown = await readGuideMarkdown(guide.slug);
  return (
    <article className="guide" data-testid="guide">
      <p className="eyebrow">
        <Link href="/guides">Guides</Link>
      </p>
      <GuideMarkdown markdown={markdown} />
    </article>
  );
}
