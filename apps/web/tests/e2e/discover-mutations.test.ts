import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverMutatingRoutes, discoverServerActions } from './discover-mutations.ts';

const root = mkdtempSync(join(tmpdir(), 'tenfold-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, source: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), source);
}

describe('discovering what the authorization matrix must cover', () => {
  write('app/api/things/route.ts', 'export async function GET() {}\nexport async function POST() {}');
  write('app/api/things/[id]/route.ts', 'export function DELETE() {}\nexport const PATCH = handler;');
  write('app/api/auth/[...all]/route.ts', 'export const { GET, POST } = toNextJsHandler(handle);');
  write('app/page.tsx', 'export default function Page() {}');
  write(
    'app/actions.ts',
    "'use server';\n\nexport async function renameThing() {}\nexport { removeThing as deleteThing };",
  );
  write('app/form.tsx', "export function Form() { async function save() { 'use server'; } }");
  write('app/client.tsx', "'use client';\nexport function Button() {}");

  it('finds every mutating handler of every route file', () => {
    expect(discoverMutatingRoutes(root)).toEqual([
      'DELETE /api/things/[id]',
      'PATCH /api/things/[id]',
      'POST /api/auth/[...all]',
      'POST /api/things',
    ]);
  });

  it('finds server action modules and inline actions', () => {
    expect(discoverServerActions(root)).toEqual([
      'app/actions.ts#deleteThing',
      'app/actions.ts#renameThing',
      'app/form.tsx#inline',
    ]);
  });
});
