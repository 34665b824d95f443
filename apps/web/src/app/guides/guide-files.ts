import 'server-only';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The guides the site shows, in menu order; their text lives in the repository's docs/guides/. */
export const GUIDES = [
  {
    slug: 'cli',
    title: 'The tenfold command line',
    summary: 'Log in, submit, follow the scoring, read leaderboards and score locally; exit codes for scripts.',
  },
  {
    slug: 'pytorch',
    title: 'Submitting a PyTorch model',
    summary: 'Export with torch.onnx.export, choose the normalisation and declare it.',
  },
  {
    slug: 'keras-tfjs',
    title: 'Submitting a Keras or TensorFlow.js model',
    summary: "The converter's layers-model and graph-model formats, Keras' channels-last layout and scaling.",
  },
] as const;
export type GuideSlug = (typeof GUIDES)[number]['slug'];

/** The runnable examples the guides link to, served as text. A fixed list: no path comes from the URL. */
export const EXAMPLE_FILES = [
  'pytorch/train_and_export.py',
  'tfjs/train-and-save.mjs',
  'keras/train_and_convert.py',
] as const;

export const findGuide = (slug: string) => GUIDES.find((guide) => guide.slug === slug) ?? null;

/** docs/ at the repository root: `next start` and `next dev` run in apps/web. */
function docsDir(): string {
  const candidates = [join(process.cwd(), '..', '..', 'docs'), join(process.cwd(), 'docs')];
  return candidates.find((dir) => existsSync(join(dir, 'guides'))) ?? (candidates[0] as string);
}

export function readGuideMarkdown(slug: GuideSlug): Promise<string> {
  return readFile(join(docsDir(), 'guides', `${slug}.md`), 'utf8');
}

export function readExampleFile(path: (typeof EXAMPLE_FILES)[number]): Promise<string> {
  return readFile(join(docsDir(), 'examples', path), 'utf8');
}
