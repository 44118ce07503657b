/**
 * One verified feed page turned into vault writes: each item is checked against the signed
 * manifest and its API schema on its own, so one bad record costs only itself; a tombstone
 * becomes a delete (and, for a document, the delete of its PDF).
 */
import { RECORD_SCHEMA_OF, RECORD_TYPE_OF, Tombstone, type Document, type PageManifest, type ResourceName } from '../api/schemas';
import type { HashFunction } from '../api/signature';
import { checkReceived, KIND_OF_RESOURCE, municipalPdfKind, type MunicipalRecordData } from '../../records/municipal/index';
import type { WriteOp } from '../../vault/record-store';
import { pdfIdFor, recordIdFor, type IdDeriver } from './ids';
import type { PendingBatch } from './sync-batch';
import { checkItems } from './verify';

export interface PageContext {
  ids: IdDeriver;
  origin: string;
  profileId: string;
  hash: HashFunction;
}

export interface PageWrites {
  rejected: number;
  /** Records put (not counting tombstones). */
  puts: number;
  /** The page's documents, whose PDFs may be fetched with them. */
  documents: Document[];
}

/**
 * Verifies a page's items against its manifest and adds the writes for the good ones to the
 * batch; the page's signature record is named `signatureId` (its write is the caller's).
 */
export function addPageWrites(
  context: PageContext,
  batch: PendingBatch,
  page: { resource: ResourceName; items: Record<string, unknown>[]; manifest: PageManifest; signatureId: string; generation: number },
): PageWrites {
  const { ids, origin, profileId } = context;
  const { resource, items } = page;
  const kind = KIND_OF_RESOURCE[resource].name;
  const verdicts = checkItems(items, page.manifest, context.hash);
  const result: PageWrites = { rejected: 0, puts: 0, documents: [] };
  items.forEach((item, i) => {
    const verdict = verdicts[i]!;
    if (!verdict.ok) return void result.rejected++;
    if (item.type === 'tombstone') {
      const tombstone = Tombstone.safeParse(item);
      if (!tombstone.success || tombstone.data.resource !== resource) return void result.rejected++;
      const id = recordIdFor(ids, origin, resource, tombstone.data.id);
      batch.ops.push({ op: 'delete', profileId, kind, id });
      if (resource === 'documents') batch.ops.push({ op: 'delete', profileId, kind: municipalPdfKind.name, id: pdfIdFor(ids, origin, tombstone.data.id) });
      if (batch.putIds.delete(id)) batch.records -= 1;
      batch.deleted += 1;
      return;
    }
    const parsed = item.type === RECORD_TYPE_OF[resource] ? checkReceived(RECORD_SCHEMA_OF[resource], item) : null;
    if (!parsed?.success) return void result.rejected++;
    const id = recordIdFor(ids, origin, resource, item.id as string);
    const data: MunicipalRecordData = {
      record: item,
      provenance: { origin, signatureId: page.signatureId, digest: verdict.digest },
      generation: page.generation,
    };
    batch.ops.push({ op: 'put', profileId, kind, id, data } satisfies WriteOp);
    if (!batch.putIds.has(id)) batch.records += 1;
    batch.putIds.add(id);
    result.puts += 1;
    if (resource === 'documents') result.documents.push(parsed.data as Document);
  });
  return result;
}
