import type { Metadata } from 'next';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { LabelErrorsPage, labelErrorsMetadata } from './label-errors-page.tsx';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return labelErrorsMetadata((await params).id);
}

/** A signed-in visitor's label-error page, rendered per request (anonymous visitors get `[view]`). */
export default async function SignedInLabelErrorsPage({ params }: Props) {
  const db = await getRequestDb();
  return LabelErrorsPage({ db, id: (await params).id, viewer: await getViewer() });
}
