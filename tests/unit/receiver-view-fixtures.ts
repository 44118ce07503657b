/**
 * Thomas's case material as a bundle's data.json holds it (the vault's buildShare shape: one
 * entry per case with its decisions, documents, payments and activities as the municipality
 * sent them, and the PDFs as files), built from the reference municipality's persona.
 */
import { buildThomas } from '../../src/municipality-server/data/personas/thomas';
import { KleCatalog } from '../../src/municipality-server/data/kle';
import type { BundleFile } from '../../src/bundle';

export interface CaseMaterial {
  data: Record<string, unknown>;
  files: BundleFile[];
  /** Every document's title, and its text when it is a text. */
  documents: { title: string; text: string | null; pdf: string | null }[];
}

/**
 * Two of Thomas's cases: the one with the most documents (the rehabilitation case with its long
 * file and a lawyer) and the one with the most decisions (cash benefit, with payments).
 */
export function thomasCaseMaterial(today = '2026-03-10'): CaseMaterial {
  const set = buildThomas({ today, kle: KleCatalog.load(), baseUrl: 'http://127.0.0.1:1' });
  const { cases, decisions, documents, payments, activities } = set.records;
  const most = (list: { caseId?: string | undefined }[]) => {
    const counts = cases.map((c) => list.filter((r) => r.caseId === c.id).length);
    return cases[counts.indexOf(Math.max(...counts))]!;
  };
  const chosen = [...new Set([most(documents), most(decisions)])];
  const files: BundleFile[] = [];
  const all: CaseMaterial['documents'] = [];
  const shared = chosen.map((theCase) => {
    const mine = <T extends { caseId?: string | undefined }>(list: T[]) => list.filter((r) => r.caseId === theCase.id);
    const documentFiles: { documentId: string; title: string; file: string }[] = [];
    const docs = mine(documents);
    for (const d of docs) {
      const bytes = set.pdfs.get(d.id);
      const path = bytes && d.content.format === 'pdf' ? `files/documents/${d.date}-dokument-${files.length + 1}.pdf` : null;
      if (bytes && path) {
        files.push({ path, mediaType: 'application/pdf', bytes });
        documentFiles.push({ documentId: d.id, title: d.title, file: path });
      }
      all.push({ title: d.title, text: d.content.format === 'text' ? d.content.text : null, pdf: path });
    }
    return { case: theCase, decisions: mine(decisions), documents: docs, payments: mine(payments), activities: mine(activities), documentFiles };
  });
  return { data: { cases: shared }, files, documents: all };
}
