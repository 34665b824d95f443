import { type Refused, refuse } from '@/server/http/refusal';

/** What /api/v1 answers for an id the caller may not see: the same as for one that does not exist. */
export const notFound = (what: string): Refused => refuse(404, `No ${what} with this id (or it is private).`);
