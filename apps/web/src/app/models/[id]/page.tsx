import type { Metadata } from 'next';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { loadModel, ModelPage } from './model-page.tsx';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ dataset?: string | string[]; cell?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await loadModel(await getRequestDb(), (await params).id, await getViewer());
  return model ? { title: model.name } : {};
}

/** A signed-in visitor's model page, rendered per request (anonymous visitors get `public/[view]`). */
export default async function SignedInModelPage({ params, searchParams }: Props) {
  const db = await getRequestDb();
  return ModelPage({ db, id: (await params).id, query: await searchParams, viewer: await getViewer() });
}
