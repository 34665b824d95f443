import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Names, file names and anything else users or their uploaded models supply reach pages only
// as React text, which is escaped. These are the ways around that; none may appear in src/.
const RAW_HTML =
  /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment/;

const SRC_DIR = fileURLToPath(new URL('../src', import.meta.url));

describe('the web app', () => {
  it('never renders text as HTML', () => {
    const files = readdirSync(SRC_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => RAW_HTML.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
