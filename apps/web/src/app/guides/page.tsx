import type { Metadata } from 'next';
import Link from 'next/link';
import { GUIDES } from './guide-files.ts';

export const metadata: Metadata = { title: 'Guides' };

export default function GuidesPage() {
  return (
    <>
      <section>
        <p className="eyebrow">Guides</p>
        <h1>Getting your model onto the board</h1>
        <p className="lead">
          Export from PyTorch, Keras or TensorFlow.js, declare what the model expects, and submit from the command line
          or the <Link href="/submit">upload form</Link>.
        </p>
      </section>
      <ul className="card-grid guide-list">
        {GUIDES.map((guide) => (
          <li key={guide.slug}>
            <Link href={`/guides/${guide.slug}`} className="card card--link" data-testid="guide-card">
              <h2>{guide.title}</h2>
              <p className="muted">{guide.summary}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
