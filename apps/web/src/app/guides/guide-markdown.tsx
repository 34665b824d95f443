import Link from 'next/link';
import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { EXAMPLE_FILES, findGuide } from './guide-files.ts';

/**
 * Links between the markdown files of docs/ become links between the site's pages: `pytorch.md`
 * to /guides/pytorch, `../examples/x` to the example served as text. Others stay as written.
 */
export function siteHref(href: string): string {
  const guide = /^(?:\.\/)?([a-z0-9-]+)\.md(#[\w-]*)?$/.exec(href);
  if (guide?.[1] && findGuide(guide[1])) return `/guides/${guide[1]}${guide[2] ?? ''}`;
  const example = /^\.\.\/examples\/(.+)$/.exec(href)?.[1];
  if (example && (EXAMPLE_FILES as readonly string[]).includes(example)) return `/guides/examples/${example}`;
  if (example !== undefined || href.startsWith('../')) return '/guides';
  return href;
}

function GuideLink({ href = '', children }: ComponentProps<'a'>) {
  const target = siteHref(href);
  if (target.startsWith('/')) return <Link href={target}>{children}</Link>;
  return (
    <a href={target} rel="noopener noreferrer">
      {children}
    </a>
  );
}

function GuideTable(props: ComponentProps<'table'>) {
  return (
    <div className="table-wrap">
      <table>{props.children}</table>
    </div>
  );
}

/**
 * Renders a guide's markdown to React elements (react-markdown never renders raw HTML: any in
 * the text is shown as text), so the pages keep the nonce CSP and the no-raw-HTML rule.
 */
export function GuideMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="guide-prose">
      <Markdown remarkPlugins={[remarkGfm]} components={{ a: GuideLink, table: GuideTable }}>
        {markdown}
      </Markdown>
    </div>
  );
}
