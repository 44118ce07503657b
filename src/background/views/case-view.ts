/**
 * One case page from the background: the case and what belongs to it, found in every case's
 * bundle, which is made once per version of the five kinds (one pass, not one per case).
 */
import type { CaseView } from '../../messaging/view-api';
import { caseBundles, indexOverview, refKey, type CaseBundle, type Item, type OverviewData, type OverviewIndex } from '../../overview/model';
import { OVERVIEW_KINDS, type OverviewList } from '../../overview/from-records';
import type { Case, Decision } from '../../municipal/api/schemas';
import type { DamagedRecord } from '../../vault/index';
import { overviewOfHeld } from './overview-lists';
import type { ModelSpec, ViewCache } from './view-cache';

const CASE_LISTS: readonly OverviewList[] = ['cases', 'decisions', 'payments', 'activities', 'documents'];

interface CaseModel {
  byVaultId: Map<string, Item<Case>>;
  bundles: Map<string, CaseBundle>;
  index: OverviewIndex;
}

/** What the decisions' basis names, where the vault holds it (another case, a document or payment of any case). */
function linked(decisions: readonly Item<Decision>[], index: OverviewIndex): CaseView['linked'] {
  const found: CaseView['linked'] = { cases: [], documents: [], payments: [] };
  const seen = new Set<string>();
  const add = <T>(list: Item<T>[], item: Item<T> | undefined) => {
    if (!item || seen.has(item.vaultId)) return;
    seen.add(item.vaultId);
    list.push(item);
  };
  for (const { origin, record } of decisions) {
    for (const b of record.basis) {
      if (b.kind === 'case') add(found.cases, index.case(origin, b.caseId));
      else if (b.kind === 'document') add(found.documents, index.document(origin, b.documentId));
      else if (b.kind === 'payment') add(found.payments, index.payment(origin, b.paymentId));
    }
  }
  return found;
}

/** One model for every case page, made once per version of the five kinds. */
export const CASE_MODEL: ModelSpec<CaseModel & { damaged: readonly DamagedRecord[] }> = {
  key: 'case-model',
  kinds: CASE_LISTS.map((name) => OVERVIEW_KINDS[name]),
  compute: async (lists, pace) => {
    const data: OverviewData = await overviewOfHeld(lists, CASE_LISTS);
    await pace();
    const bundles = caseBundles(data);
    await pace();
    return { byVaultId: new Map(data.cases.map((c) => [c.vaultId, c])), bundles, index: indexOverview(data), damaged: lists.damaged };
  },
};

export async function caseView(cache: ViewCache, profileId: string, caseId: string): Promise<CaseView> {
  const model = await cache.model(profileId, CASE_MODEL);
  return answer(model, caseId, [...model.damaged]);
}

function answer(model: CaseModel, caseId: string, damaged: DamagedRecord[]): CaseView {
  const theCase = model.byVaultId.get(caseId) ?? null;
  const bundle = theCase ? model.bundles.get(refKey(theCase.origin, theCase.record.id)) : undefined;
  if (!theCase || !bundle)
    return { theCase, decisions: [], payments: [], activities: [], documents: [], linked: { cases: [], documents: [], payments: [] }, damaged };
  const { decisions, payments, activities, documents } = bundle;
  return { theCase, decisions, payments, activities, documents, linked: linked(decisions, model.index), damaged };
}
