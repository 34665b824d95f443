import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <strong>Tenfold</strong> scores every model on the same 10,000 held-out test images, with the same code, and
          publishes the numbers.
        </p>
        <nav aria-label="Footer" className="site-footer__links">
          <Link href="/datasets/mnist">MNIST leaderboard</Link>
          <Link href="/datasets/fashion-mnist">Fashion-MNIST leaderboard</Link>
          <Link href="/mnist-vs-fashion">MNIST vs Fashion-MNIST</Link>
          <Link href="/compare">Compare models</Link>
          <Link href="/trade-offs">Trade-offs</Link>
          <Link href="/submit">Submit a model</Link>
          <Link href="/guides">Guides</Link>
        </nav>
      </div>
    </footer>
  );
}
