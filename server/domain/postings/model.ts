/** The stored posting record and its collection. */
import type { Collection, DocumentStore } from '../../store/port.js';
import { POSTINGS } from '../../store/schemas/postings.js';
import type { PostingKind, PostingStatus } from './schemas.js';

export interface PostingRecord {
  companyId: string;
  kind: PostingKind;
  title: string;
  description: string;
  tags: string[];
  industries: string[];
  quantity?: { amount: number; unit: string };
  certificationsRequired: string[];
  validUntil?: Date;
  status: PostingStatus;
}

/** Fields a change can touch, in the order the audit log lists them. */
export const POSTING_FIELDS = [
  'companyId',
  'kind',
  'title',
  'description',
  'tags',
  'industries',
  'quantity',
  'certificationsRequired',
  'validUntil',
  'status',
] as const satisfies readonly (keyof PostingRecord)[];

export function postingsOf(store: DocumentStore): Collection<PostingRecord> {
  return store.collection<PostingRecord>(POSTINGS);
}
