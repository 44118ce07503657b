/**
 * On what basis the vault owner shares a profile's data when they act for its person: the
 * profile's municipal connections say (a parent by custody, a representative by a power of
 * attorney). A power's categories bound what may leave; once the municipality has ended the
 * power, no municipal data of it leaves at all.
 */
import { municipalConnectionKind } from '../../records/municipal/index';
import type { SelectionItem } from '../../records/sharing/selection';
import type { RepresentationTerms } from '../../sharing/consent';
import { SharingError } from '../../sharing/errors';
import { listIfKnown, type Records } from './deps';

export interface ShareBasis {
  representation: RepresentationTerms;
  /** The API categories whose records may be shared. */
  covers: readonly string[];
}

/** The basis of the profile's first connection by custody or power of attorney; null when the owner is the person. */
export async function shareBasisOf(records: Records, profileId: string): Promise<ShareBasis | null> {
  for (const { data: conn } of await listIfKnown(records, profileId, municipalConnectionKind)) {
    const actor = conn.actor;
    if (!actor || actor.relation === 'self') continue;
    const representation: RepresentationTerms = { basis: actor.relation, representative: actor.name, vouchedBy: conn.municipality.name };
    if (actor.relation === 'custody') return { representation, covers: ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'] };
    const power = conn.power;
    return {
      representation: { ...representation, reference: power?.id, categories: power?.categories, validUntil: power?.validUntil },
      covers: power && !conn.powerEnded ? power.categories : [],
    };
  }
  return null;
}

/**
 * Refuses a selection with municipal data the basis does not cover: a case needs `cases`, and
 * each of its parts its own category.
 * @throws {SharingError} `outside-power-of-attorney`
 */
export function requireCovered(basis: ShareBasis | null, items: readonly SelectionItem[]): void {
  if (!basis) return;
  for (const item of items) {
    if (item.type !== 'case') continue;
    const outside = ['cases', ...item.parts].filter((c) => !basis.covers.includes(c));
    if (outside.length > 0) throw new SharingError('outside-power-of-attorney', `not covered: ${outside.join(', ')}`);
  }
}
