import { EXAMPLE_FILES, readExampleFile } from '../../guide-files.ts';

type Context = { params: Promise<{ path: string[] }> };

/** GET /guides/examples/<file>: a runnable example from docs/examples/, as text to read or save. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const wanted = (await params).path.join('/');
  const file = EXAMPLE_FILES.find((path) => path === wanted);
  if (!file) return new Response('No such example.\n', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(await readExampleFile(file), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `inline; filename="${file.split('/').pop()}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
