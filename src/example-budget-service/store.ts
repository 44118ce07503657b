/**
 * What the budget tool holds: the bundles it accepted (in memory only — personal data is never
 * written to disk here) and the ids of revoked bundles with their issuer's key (kept in a file
 * when one is given, so a revoked bundle stays refused after a restart; ids are not personal).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { DietPlan, FoodBudgetView } from './food-budget';

export interface AcceptedBundle {
  id: string;
  issuerName: string;
  /** The issuer's Ed25519 public key (JWK `x`), which a revocation notice must be signed with. */
  issuerKey: string;
  issuerFingerprint: string;
  purpose: string;
  receivedAt: Date;
  expiresAt: Date;
  foodBudget: FoodBudgetView | null;
  dietPlan: DietPlan | null;
}

const RevokedFile = z.object({
  version: z.literal(1),
  revoked: z.array(
    z.object({ bundleId: z.string().min(1).max(64), issuerKey: z.string().min(1).max(64), revokedAt: z.string(), notice: z.string().max(65_536).optional() }),
  ),
});
type Revoked = z.infer<typeof RevokedFile>['revoked'][number];

export class BudgetStore {
  readonly #accepted = new Map<string, AcceptedBundle>();
  readonly #revoked = new Map<string, Revoked>();
  readonly #file: string | undefined;

  constructor(revokedFile?: string) {
    this.#file = revokedFile;
    if (revokedFile && existsSync(revokedFile)) {
      const parsed = RevokedFile.safeParse(JSON.parse(readFileSync(revokedFile, 'utf8')));
      if (!parsed.success) throw new Error(`${revokedFile}: not a revocation list (${parsed.error.issues[0]?.message})`);
      for (const entry of parsed.data.revoked) this.#revoked.set(entry.bundleId, entry);
    }
  }

  accept(bundle: AcceptedBundle): void {
    this.#accepted.set(bundle.id, bundle);
  }

  get(id: string): AcceptedBundle | undefined {
    return this.#accepted.get(id);
  }

  isRevoked(id: string): boolean {
    return this.#revoked.has(id);
  }

  /** The signed notice that ended a bundle, kept so anyone holding the bundle can check it. */
  noticeOf(id: string): string | undefined {
    return this.#revoked.get(id)?.notice;
  }

  /** Drops the bundle's data and refuses the id from now on. */
  revoke(bundleId: string, issuerKey: string, revokedAt: string, notice?: string): void {
    this.#accepted.delete(bundleId);
    this.#revoked.set(bundleId, { bundleId, issuerKey, revokedAt, ...(notice ? { notice } : {}) });
    if (this.#file) {
      mkdirSync(dirname(this.#file), { recursive: true });
      writeFileSync(this.#file, `${JSON.stringify({ version: 1, revoked: [...this.#revoked.values()] }, null, 2)}\n`);
    }
  }

  /** Bundles still valid at `now`, newest first; expired ones are dropped on the way. */
  current(now: Date): AcceptedBundle[] {
    for (const [id, bundle] of this.#accepted) if (bundle.expiresAt <= now) this.#accepted.delete(id);
    return [...this.#accepted.values()].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
  }
}
