/** Every record kind, registered in one place (a meta-test checks each is documented). */
import type { KindRegistry, RecordKind } from './kind';
import { noteKind } from './note';
import { profileKind } from './profile';
import {
  municipalAccessLogKind,
  municipalActivityKind,
  municipalCaseKind,
  municipalCitizenKind,
  municipalConnectionKind,
  municipalDecisionKind,
  municipalDocumentKind,
  municipalPaymentKind,
  municipalNowSummaryKind,
  municipalPdfKind,
  municipalSignatureKind,
} from './municipal/index';
import { healthClinicalKind, healthDailyKind, healthImportKind, healthObservationKind, healthSamplesKind, healthWorkoutKind } from './health/index';
import { bankAccountKind, bankTransactionKind, categoryRuleKind } from './money/index';
import { attachmentContentKind, attachmentKind, calendarEventKind, correctionRequestKind } from './own/index';
import { letterEventKind, letterKind, ownCaseKind } from './letters/index';
import { citizenKeysKind, shareGrantKind, shareRecipientKind, transparencyEntryKind, transparencyHeadKind } from './sharing/index';

export const RECORD_KINDS = [
  profileKind,
  noteKind,
  municipalConnectionKind,
  municipalSignatureKind,
  municipalCitizenKind,
  municipalCaseKind,
  municipalDecisionKind,
  municipalPaymentKind,
  municipalActivityKind,
  municipalDocumentKind,
  municipalPdfKind,
  municipalAccessLogKind,
  municipalNowSummaryKind,
  bankAccountKind,
  bankTransactionKind,
  categoryRuleKind,
  attachmentKind,
  attachmentContentKind,
  correctionRequestKind,
  letterKind,
  ownCaseKind,
  letterEventKind,
  calendarEventKind,
  healthDailyKind,
  healthSamplesKind,
  healthWorkoutKind,
  healthObservationKind,
  healthClinicalKind,
  healthImportKind,
  citizenKeysKind,
  shareRecipientKind,
  shareGrantKind,
  transparencyEntryKind,
  transparencyHeadKind,
] as const satisfies readonly RecordKind[];

export type KindName = (typeof RECORD_KINDS)[number]['name'];

const byName = new Map<string, RecordKind>(RECORD_KINDS.map((k) => [k.name, k]));

export const findKind = (name: string): RecordKind | undefined => byName.get(name);
export const profileKinds = (): RecordKind[] => RECORD_KINDS.filter((k) => k.scope === 'profile');

/** The product's kinds, as the vault is opened with them. */
export const recordKinds: KindRegistry = { find: findKind, profileKinds };

/**
 * For tests only: puts a kind under its name (replacing one with the same name) and returns the
 * undo. Lets a test store data under one version of a kind and read it back under another.
 */
export function registerKindForTests(kind: RecordKind): () => void {
  const previous = byName.get(kind.name);
  byName.set(kind.name, kind);
  return () => {
    if (previous) byName.set(kind.name, previous);
    else byName.delete(kind.name);
  };
}
