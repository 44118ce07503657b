/** Everything one running reference municipality holds, and the options that shape it. */
import { CitizenCatalog } from './data/catalog';
import { addDays, ageOn, at, copenhagenToday } from './data/dates';
import { seededPowers } from './data/personas/representatives';
import type { HeavyOptions } from './data/personas/heavy';
import { KleCatalog } from './data/kle';
import { FaultBoard } from './faults';
import { CitizenLedger } from './ledger';
import { DEFAULT_INBOX_QUOTA, InboxStore, type InboxQuota } from './inbox-store';
import { ExtensionRegistry, type RegisteredExtensions } from './oauth/redirect-uri';
import { TokenStore } from './oauth/tokens';
import { PowerOfAttorneyStore } from './powers-of-attorney';
import { KeyRing } from './signing';
import { DEFAULT_YOUTH_RULES, type YouthRules } from './youth-rules';
import type { InboxReceipt } from '../municipal/api/schemas';
import { generateIdentity, identityToRecipient } from '../bundle';
import { randomBytes } from '../shared/bytes';

export interface MunicipalityOptions {
  /** Absolute URL the server is reached at (issuer, links). Default http://127.0.0.1:8787. */
  baseUrl?: string;
  /** Anchor day of the synthetic data, YYYY-MM-DD. Default: today in Denmark. */
  today?: string;
  /** Enables /__test endpoints (faults, direct tokens, data changes). Never on by default. */
  testMode?: boolean;
  /**
   * Test mode only: answers say `Cache-Control: private, no-cache` as this server once did
   * (browsers may store those on disk), instead of `no-store`.
   */
  oldCacheHeader?: boolean;
  youthRules?: YouthRules;
  /** Which demo key signs (all are published). */
  signingKid?: string;
  kle?: KleCatalog;
  heavy?: HeavyOptions;
  /** Clock for token expiry and timestamps of changes. */
  now?: () => number;
  accessTokenTtlSeconds?: number;
  /** How long a refresh token stays usable unused (default 30 days); each use gives a new one. */
  refreshTokenTtlSeconds?: number;
  /** How long one sign-in's tokens can be refreshed at all (default 90 days); then the citizen signs in again. */
  sessionTtlSeconds?: number;
  /** The largest single inbox item. */
  maxInboxBytes?: number;
  /** Each citizen's inbox quota (default 100 items, 50 MiB). */
  inboxQuota?: InboxQuota;
  /** The extensions sign-in redirects and CORS are bound to (default: the project's builds). */
  extensions?: RegisteredExtensions;
  /**
   * The municipality's age identity (`AGE-SECRET-KEY-1…`): citizens' bundles for its inboxes are
   * encrypted to its recipient, published at /.well-known/handlerum-recipient.json. Default: a
   * new one at every start.
   */
  recipientIdentity?: string;
}

export const DEFAULT_PORT = 8787;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 200;

export class MunicipalityState {
  readonly baseUrl: string;
  readonly today: string;
  readonly testMode: boolean;
  readonly oldCacheHeader: boolean;
  readonly youthRules: YouthRules;
  readonly keys: KeyRing;
  readonly now: () => number;
  readonly tokens: TokenStore;
  readonly faults = new FaultBoard();
  readonly maxInboxBytes: number;
  readonly inboxQuota: InboxQuota;
  readonly extensions: ExtensionRegistry;
  readonly catalog: CitizenCatalog;
  readonly kle: KleCatalog;
  /** Whom citizens encrypt bundles for this municipality to; the identity stays on the server. */
  readonly recipient: { readonly identity: string; readonly recipient: string };
  /** Changes with every reset, so cursors from an earlier data generation are refused (410). */
  epoch: string;
  private ledgers = new Map<string, CitizenLedger>();
  /** What arrived in the citizens' inboxes: receipts, bodies, opened bundles. */
  inboxes: InboxStore;
  /** Who may act for whom; back to the seeded powers at every reset. */
  powers: PowerOfAttorneyStore;
  /** Representatives' reads already in a grantor's access log today (power|resource|day). */
  readonly representativeReads = new Set<string>();
  private readonly startedAt: number;

  constructor(options: MunicipalityOptions = {}) {
    this.now = options.now ?? Date.now;
    this.baseUrl = (options.baseUrl ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(/\/$/, '');
    this.today = options.today ?? copenhagenToday(this.now());
    this.testMode = options.testMode ?? false;
    this.oldCacheHeader = this.testMode && (options.oldCacheHeader ?? false);
    this.youthRules = options.youthRules ?? DEFAULT_YOUTH_RULES;
    this.keys = new KeyRing(options.signingKid);
    this.tokens = new TokenStore(this.now, {
      accessSeconds: options.accessTokenTtlSeconds ?? 3600,
      refreshSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
      sessionSeconds: options.sessionTtlSeconds ?? 90 * 24 * 3600,
    });
    this.maxInboxBytes = options.maxInboxBytes ?? 10 * 1024 * 1024;
    this.inboxQuota = options.inboxQuota ?? DEFAULT_INBOX_QUOTA;
    this.inboxes = new InboxStore(this.inboxQuota);
    this.extensions = new ExtensionRegistry(options.extensions);
    this.recipient = options.recipientIdentity
      ? { identity: options.recipientIdentity, recipient: identityToRecipient(options.recipientIdentity) }
      : generateIdentity();
    this.kle = options.kle ?? KleCatalog.load();
    this.catalog = new CitizenCatalog({ today: this.today, kle: this.kle, baseUrl: this.baseUrl }, options.heavy);
    this.epoch = newEpoch(this.today);
    this.startedAt = this.now();
    this.powers = this.seedPowers();
  }

  /** The anchor day, moved on by the whole days the clock has run since start: what "today" means for powers of attorney. */
  currentDay(): string {
    return addDays(this.today, Math.floor((this.now() - this.startedAt) / 86_400_000));
  }

  /** KLE has no titles for main groups; the general topic xx.00.00 ("Sundhed i almindelighed") names them. */
  mainGroupTitle(code: string): string {
    return this.kle.ref(`${code}.00.00`).title.replace(/ i almindelighed$/, '');
  }

  private seedPowers(): PowerOfAttorneyStore {
    const store = new PowerOfAttorneyStore({
      nameOf: (id) => this.catalog.get(id).citizen.name.full,
      mainGroupTitle: (code) => this.mainGroupTitle(code),
      adultOn: (id, day) => ageOn(this.catalog.get(id).citizen.birthDate, day) >= 18,
    });
    for (const seed of seededPowers(this.today)) store.add(seed, at(seed.validFrom, '10:00'));
    return store;
  }

  /** Each citizen's inbox receipts, in arrival order. */
  get inbox(): ReadonlyMap<string, readonly InboxReceipt[]> {
    return this.inboxes.receipts;
  }

  ledger(citizenId: string): CitizenLedger {
    let ledger = this.ledgers.get(citizenId);
    if (!ledger) {
      ledger = new CitizenLedger(this.catalog.get(citizenId));
      this.ledgers.set(citizenId, ledger);
    }
    return ledger;
  }

  /** Back to the generated data: drops changes, inbox items and faults. */
  reset(): void {
    this.ledgers = new Map();
    this.inboxes = new InboxStore(this.inboxQuota);
    this.faults.clear();
    this.powers = this.seedPowers();
    this.representativeReads.clear();
    this.epoch = newEpoch(this.today);
  }
}

function newEpoch(today: string): string {
  const random = Array.from(randomBytes(4), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${today.replaceAll('-', '')}${random}`;
}
