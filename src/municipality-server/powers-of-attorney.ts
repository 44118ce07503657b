/**
 * The powers of attorney the municipality holds: who may read whose data, which categories,
 * which topics held back, from and until when, and whether withdrawn. Every request a
 * representative makes is checked against this store (routes/session.ts), so a withdrawal or an
 * expiry takes effect on the next request, not at the next sign-in.
 */
import type { PowerOfAttorney, PowerOfAttorneyProblemCode, PowerOfAttorneyStatus, ResourceName } from '../municipal/api/schemas';
import type { VisibilityKey } from './youth-rules';

/** What a power of attorney says when it is registered. */
export interface PowerSeed {
  readonly id: string;
  readonly grantor: string;
  readonly representative: string;
  readonly categories: readonly ResourceName[];
  /** KLE main groups held back, e.g. "29". */
  readonly excludedTopics: readonly string[];
  readonly validFrom: string;
  /** The last day it holds; missing: until withdrawn. */
  readonly validUntil?: string;
}

export interface HeldPower extends PowerSeed {
  readonly createdAt: string;
  withdrawnAt?: string;
}

export type PowerCheck =
  | { ok: true; power: HeldPower }
  | { ok: false; code: Exclude<PowerOfAttorneyProblemCode, 'outside-power-of-attorney' | 'self-only'>; status: 403 | 409; detail: string };

/**
 * Activities without a KLE code count under their source system's main group: the reference
 * municipality's health systems count as 29 Sundhed.
 */
const SOURCE_MAIN_GROUP: Readonly<Record<string, string>> = { nexus: '29', nsp: '29', novax: '29', tandpleje: '29' };

/** The KLE main group a record counts under, for a power's held-back topics. */
export function mainGroupOf(key: VisibilityKey): string | undefined {
  if (key.kle) return key.kle.slice(0, 2);
  return key.source ? SOURCE_MAIN_GROUP[key.source] : undefined;
}

/** Whether a power lets its representative see a record of `resource` with this visibility. */
export function powerCovers(power: PowerSeed, resource: ResourceName, key: VisibilityKey): boolean {
  if (!power.categories.includes(resource)) return false;
  const group = mainGroupOf(key);
  return group === undefined || !power.excludedTopics.includes(group);
}

const scopeOf = (p: PowerSeed) => `${[...p.categories].sort().join(',')}|${[...p.excludedTopics].sort().join(',')}`;

export interface PowerContext {
  /** Full name of a citizen the catalog knows; throws a RangeError for one it does not. */
  nameOf(citizenId: string): string;
  /** The title of a KLE main group; throws a RangeError for one KLE does not have. */
  mainGroupTitle(code: string): string;
  /** Whether the citizen is 18 or older on the day. */
  adultOn(citizenId: string, day: string): boolean;
}

export class PowerOfAttorneyStore {
  private readonly powers = new Map<string, HeldPower>();

  constructor(private readonly context: PowerContext) {}

  /** @throws {RangeError} for a power that cannot be: unknown people, a young grantor, one person twice, no category, a bad date range, a taken id. */
  add(seed: PowerSeed, createdAt: string): HeldPower {
    if (this.powers.has(seed.id)) throw new RangeError(`id: a power ${seed.id} exists`);
    if (seed.grantor === seed.representative) throw new RangeError('representative: a citizen cannot hold a power of their own');
    this.context.nameOf(seed.grantor);
    this.context.nameOf(seed.representative);
    if (!this.context.adultOn(seed.grantor, seed.validFrom)) throw new RangeError('grantor: only an adult can give a power of attorney');
    if (seed.categories.length === 0 || new Set(seed.categories).size !== seed.categories.length) {
      throw new RangeError('categories: at least one, each once');
    }
    for (const group of seed.excludedTopics) {
      if (!/^\d{2}$/.test(group)) throw new RangeError(`excludedTopics: not a KLE main group: ${group}`);
      this.context.mainGroupTitle(group);
    }
    if (seed.validUntil !== undefined && seed.validUntil < seed.validFrom) throw new RangeError('validUntil: before validFrom');
    const held: HeldPower = { ...seed, categories: [...seed.categories], excludedTopics: [...seed.excludedTopics], createdAt };
    this.powers.set(seed.id, held);
    return held;
  }

  all(): HeldPower[] {
    return [...this.powers.values()];
  }

  get(id: string): HeldPower | undefined {
    return this.powers.get(id);
  }

  /** Withdraws a power; withdrawing it again keeps the first time. */
  withdraw(id: string, at: string): HeldPower | undefined {
    const power = this.powers.get(id);
    if (power && power.withdrawnAt === undefined) power.withdrawnAt = at;
    return power;
  }

  given(grantor: string): HeldPower[] {
    return [...this.powers.values()].filter((p) => p.grantor === grantor);
  }

  received(representative: string): HeldPower[] {
    return [...this.powers.values()].filter((p) => p.representative === representative);
  }

  statusOn(power: HeldPower, day: string): PowerOfAttorneyStatus {
    if (power.withdrawnAt !== undefined) return 'withdrawn';
    if (power.validUntil !== undefined && day > power.validUntil) return 'expired';
    if (day < power.validFrom) return 'not-yet-valid';
    return 'active';
  }

  /** Whether `actor` may act for `subject` by power `id` on `day`, or why not. */
  check(id: string | undefined, actor: string, subject: string, day: string): PowerCheck {
    const power = id === undefined ? undefined : this.powers.get(id);
    if (!power || power.representative !== actor || power.grantor !== subject) {
      return { ok: false, code: 'power-of-attorney-invalid', status: 403, detail: 'no power of attorney with that id lets this person act for that citizen' };
    }
    switch (this.statusOn(power, day)) {
      case 'withdrawn':
        return { ok: false, code: 'power-of-attorney-withdrawn', status: 403, detail: `the power of attorney was withdrawn at ${power.withdrawnAt}` };
      case 'expired':
        return { ok: false, code: 'power-of-attorney-expired', status: 403, detail: `the power of attorney ended on ${power.validUntil}` };
      case 'not-yet-valid':
        return { ok: false, code: 'power-of-attorney-not-yet-valid', status: 403, detail: `the power of attorney holds from ${power.validFrom}` };
      case 'active':
        break;
    }
    const rival = this.received(actor).find(
      (other) => other.id !== power.id && other.grantor === subject && this.statusOn(other, day) === 'active' && scopeOf(other) !== scopeOf(power),
    );
    if (rival) {
      return {
        ok: false,
        code: 'power-of-attorney-conflict',
        status: 409,
        detail: `powers of attorney ${power.id} and ${rival.id} are both in force with different scopes; the grantor must withdraw one`,
      };
    }
    return { ok: true, power };
  }

  /** The power as the API serves it, with its status on `day`. */
  resource(power: HeldPower, day: string): PowerOfAttorney {
    const updatedAt = power.withdrawnAt ?? power.createdAt;
    return {
      type: 'power-of-attorney',
      id: power.id,
      version: power.withdrawnAt === undefined ? 1 : 2,
      updatedAt,
      grantor: { id: power.grantor, name: this.context.nameOf(power.grantor) },
      representative: { id: power.representative, name: this.context.nameOf(power.representative) },
      categories: [...power.categories],
      excludedTopics: power.excludedTopics.map((code) => ({ code, title: this.context.mainGroupTitle(code) })),
      validFrom: power.validFrom,
      ...(power.validUntil !== undefined ? { validUntil: power.validUntil } : {}),
      ...(power.withdrawnAt !== undefined ? { withdrawnAt: power.withdrawnAt } : {}),
      status: this.statusOn(power, day),
    };
  }
}
