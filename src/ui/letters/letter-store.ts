/**
 * Stores one confirmed letter in one write: the PDF (as an attachment on the letter, in parts),
 * the letter, a new case of the citizen's own when needed, and its calendar entries. The vault
 * writes them in one transaction, so a failure leaves nothing half-stored.
 */
import { callVault } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { ATTACHMENT_MAX_BYTES, attachmentContentId, attachmentContentKind, attachmentKind, splitContent, type AttachmentData } from '../../records/own/index';
import {
  letterEventKind,
  letterKind,
  letterRecords,
  ownCaseKind,
  type CaseRef,
  type ConfirmedReading,
  type KnownCases,
  type LetterData,
  type LetterFile,
  type LetterRecords,
} from '../../records/letters/index';
import { municipalCaseKind } from '../../records/municipal/index';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';
import type { VaultRecord } from '../../vault/public-types';
import { FileProblem, sha256Base64Url } from '../own/attachments';

const newId = (): string => toBase64Url(randomBytes(16));

/** The cases a letter may join: the municipality's with their numbers, and the citizen's own. */
export async function knownCases(profileId: string): Promise<KnownCases & { titles: Map<string, string> }> {
  const [municipal, own] = await Promise.all([listRecords(profileId, municipalCaseKind), listRecords(profileId, ownCaseKind)]);
  const titles = new Map<string, string>();
  for (const c of municipal.records) titles.set(`municipal-case:${c.id}`, c.data.record.title);
  for (const c of own.records) titles.set(`own-case:${c.id}`, c.data.title);
  return {
    municipal: municipal.records.map((c) => ({ vaultId: c.id, caseNumber: c.data.record.caseNumber })),
    own: own.records.map((c) => ({ vaultId: c.id, caseNumbers: c.data.caseNumbers })),
    titles,
  };
}

export interface StoreLetter {
  profileId: string;
  file: LetterFile;
  bytes: Uint8Array;
  reading: ConfirmedReading;
  cases: KnownCases;
  chosenCase?: CaseRef | 'new' | undefined;
}

/** Writes the letter and everything it becomes. @throws {FileProblem} for a PDF the vault cannot keep, or a VaultError. */
export async function storeLetter(input: StoreLetter): Promise<LetterRecords> {
  if (input.bytes.length === 0) throw new FileProblem('empty');
  if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw new FileProblem('too-large');
  const records = letterRecords({
    letterId: newId(),
    newCaseId: newId(),
    file: input.file,
    reading: input.reading,
    cases: input.cases,
    chosenCase: input.chosenCase,
    now: new Date(),
  });
  const attachmentId = newId();
  const parts = splitContent(attachmentId, input.bytes);
  const attachment: AttachmentData = {
    fileName: input.file.fileName,
    mediaType: 'application/pdf',
    size: input.bytes.length,
    sha256: await sha256Base64Url(input.bytes),
    chunks: parts.length,
    attachedTo: { kind: letterKind.name, id: records.letter.id },
  };
  const { profileId } = input;
  const put = (kind: string, id: string, data: unknown) => ({ op: 'put' as const, profileId, kind, id, data });
  // The letter goes last but one and its entries last: lists show a letter only with its file.
  await callVault('writeRecords', {
    ops: [
      ...parts.map((p) => put(attachmentContentKind.name, p.id, p.data)),
      put(attachmentKind.name, attachmentId, attachment),
      ...(records.newCase ? [put(ownCaseKind.name, records.newCase.id, records.newCase.data)] : []),
      put(letterKind.name, records.letter.id, records.letter.data),
      ...records.events.map((e) => put(letterEventKind.name, e.id, e.data)),
    ],
  });
  return records;
}

/** The letters of a profile (or of one case), newest first, each with its PDF's description. */
export async function listLetters(
  profileId: string,
  inCase?: CaseRef,
): Promise<{ letter: VaultRecord<LetterData>; pdf: VaultRecord<AttachmentData> | null; events: number }[]> {
  const [letters, files, events] = await Promise.all([
    listRecords(profileId, letterKind),
    listRecords(profileId, attachmentKind),
    listRecords(profileId, letterEventKind),
  ]);
  const pdfOf = new Map(files.records.filter((f) => f.data.attachedTo.kind === letterKind.name).map((f) => [f.data.attachedTo.id, f]));
  const count = new Map<string, number>();
  for (const e of events.records) count.set(e.data.letterId, (count.get(e.data.letterId) ?? 0) + 1);
  return letters.records
    .filter((l) => !inCase || (l.data.case.kind === inCase.kind && l.data.case.id === inCase.id))
    .sort((a, b) => b.data.importedAt.localeCompare(a.data.importedAt))
    .map((letter) => ({ letter, pdf: pdfOf.get(letter.id) ?? null, events: count.get(letter.id) ?? 0 }));
}

/** Deletes a letter with its PDF and its calendar entries, in one write (a case of its own stays). */
export async function deleteLetter(profileId: string, letterId: string, pdf: VaultRecord<AttachmentData> | null): Promise<void> {
  const events = (await listRecords(profileId, letterEventKind)).records.filter((e) => e.data.letterId === letterId);
  const del = (kind: string, id: string) => ({ op: 'delete' as const, profileId, kind, id });
  await callVault('writeRecords', {
    ops: [
      ...events.map((e) => del(letterEventKind.name, e.id)),
      del(letterKind.name, letterId),
      ...(pdf
        ? [
            del(attachmentKind.name, pdf.id),
            ...Array.from({ length: pdf.data.chunks }, (_, i) => del(attachmentContentKind.name, attachmentContentId(pdf.id, i))),
          ]
        : []),
    ],
  });
}
