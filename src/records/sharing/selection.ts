/**
 * What the citizen chose to share (the selection) and what that amounts to, item by item (the
 * scope shown on the approval screen and kept in the grant). Derived views stand in for raw
 * data: a food budget carries amounts per month, never the transactions behind them.
 */
import { z } from 'zod';
import { ClinicalResourceType } from '../health/clinical';
import { VaultRef } from './common';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const IsoDate = z.iso.date();

export const TRANSACTION_FIELDS = ['date', 'amount', 'text', 'category', 'account'] as const;
export const CASE_PARTS = ['decisions', 'documents', 'payments', 'activities'] as const;
export type CasePart = (typeof CASE_PARTS)[number];
/** The id a municipality gives a record (unique within its kind), as the Citizen Data API shapes it. */
const MunicipalRecordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'a municipal record id');
/** How many records of one part of a case can be chosen one by one. */
export const MAX_PICKED = 10_000;

/**
 * One case: the parts in `parts` go whole; of the parts in `only`, just the records named (by the
 * municipality's id). A part is in one of the two or in neither. Selections stored before single
 * records could be chosen have no `only`, and still read the same.
 */
const CaseSelection = z
  .object({
    type: z.literal('case'),
    caseId: VaultRef,
    parts: z.array(z.enum(CASE_PARTS)).max(CASE_PARTS.length),
    only: z.partialRecord(z.enum(CASE_PARTS), z.array(MunicipalRecordId).min(1).max(MAX_PICKED)).optional(),
  })
  .refine((c) => new Set(c.parts).size === c.parts.length, { message: 'parts: a part named twice', path: ['parts'] })
  .refine((c) => !c.parts.some((p) => c.only?.[p] !== undefined), { message: 'only: a part both whole and picked', path: ['only'] })
  .refine((c) => Object.values(c.only ?? {}).every((ids) => new Set(ids).size === ids.length), { message: 'only: a record named twice', path: ['only'] });
/** Clinical items a share can hold: the kinds the vault keeps, as FHIR names them. */
export const CLINICAL_TYPES: readonly z.infer<typeof ClinicalResourceType>[] = ClinicalResourceType.options;

export const SelectionItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note'), noteId: VaultRef }),
  CaseSelection,
  /** A summary of a case made by Handlerum (a derived view), sent as text instead of, or beside, the case. */
  z.object({ type: z.literal('case-summary'), caseId: VaultRef }),
  z.object({ type: z.literal('monthly-spending'), from: Month, to: Month }),
  z.object({ type: z.literal('food-budget'), months: z.int().min(1).max(36) }),
  z.object({
    type: z.literal('transactions'),
    from: IsoDate,
    to: IsoDate,
    /** Empty: every category. */
    categories: z.array(z.string().min(1).max(100)).max(100),
    fields: z.array(z.enum(TRANSACTION_FIELDS)).min(1).max(TRANSACTION_FIELDS.length),
  }),
  z.object({ type: z.literal('health-summary'), kind: z.string().min(1).max(60), from: IsoDate, to: IsoDate }),
  /**
   * Health data as imported, not summarised: each day's figure of the chosen measures and the
   * observations (lab values, measurements from a doctor's file) dated in the period, and every
   * clinical item of the chosen kinds, whatever its date (a diagnosis from years ago still holds).
   */
  z.object({
    type: z.literal('health-records'),
    from: IsoDate,
    to: IsoDate,
    metrics: z.array(z.string().min(1).max(60)).max(20),
    observations: z.boolean(),
    clinical: z.array(ClinicalResourceType).max(CLINICAL_TYPES.length),
  }),
  /** One of the citizen's own files (an attachment), sent as the file itself. */
  z.object({ type: z.literal('attachment'), attachmentId: VaultRef }),
]);
export type SelectionItem = z.infer<typeof SelectionItem>;

export const ShareSelection = z.object({ items: z.array(SelectionItem).min(1).max(500) });
export type ShareSelection = z.infer<typeof ShareSelection>;

/** One line of the approval screen: what kind of thing, its name, and how many of what. */
export const ScopeItem = z.object({
  type: z.enum(['note', 'case', 'case-summary', 'monthly-spending', 'food-budget', 'transactions', 'health-summary', 'health-records', 'attachment']),
  label: z.string().max(500),
  counts: z.record(z.string().max(40), z.int().min(0)),
  /** Which fields or categories, where the citizen chose some. */
  details: z.array(z.string().max(100)).max(100).optional(),
  /** A case's KLE topic, so a screen can name the case in plain words (absent in scopes stored before). */
  topic: z.object({ code: z.string().max(20), title: z.string().max(500) }).optional(),
  /** A case's records that leave, one by one, in the order they go (absent in scopes stored before). */
  entries: z
    .array(z.object({ part: z.enum(CASE_PARTS), title: z.string().max(500), date: IsoDate.optional() }))
    .max(CASE_PARTS.length * MAX_PICKED)
    .optional(),
});
export type ScopeItem = z.infer<typeof ScopeItem>;
