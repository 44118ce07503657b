/**
 * A record kind: its name, its current schema version, its zod schema, and the migrations that
 * bring older stored data up to date. Versions only ever grow; data from a newer version than
 * the code knows is refused, never guessed at.
 */
import type { z } from 'zod';

export interface RecordKind<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** Where records of this kind live: in a person's profile, or in the vault itself. */
  readonly scope: 'profile' | 'vault';
  readonly version: number;
  readonly schema: Schema;
  /** `migrations[n]` turns data of version n into version n + 1. */
  readonly migrations: Readonly<Record<number, (data: unknown) => unknown>>;
  /** One sentence for developers and the docs: what the kind holds. */
  readonly description: string;
  /**
   * What the vault pages may do with this kind through the generic record methods. A kind that
   * a feature keeps consistent itself (synced municipal data, the sharing keys and log) is
   * written only through that feature's own methods; secrets are not even read.
   */
  readonly pageAccess: PageAccess;
  /** Who manages a kind the pages may not write, for the refusal's message. */
  readonly managedBy?: string;
  /** New records of this kind count as an import in the transparency log. */
  readonly countsAsImport: boolean;
}

export type PageAccess = 'read-write' | 'read-only' | 'none';

type KindDefinition<Schema extends z.ZodType> = Omit<RecordKind<Schema>, 'migrations' | 'pageAccess' | 'countsAsImport'> &
  Partial<Pick<RecordKind<Schema>, 'migrations' | 'pageAccess' | 'countsAsImport'>>;

export function defineKind<Schema extends z.ZodType>(kind: KindDefinition<Schema>): RecordKind<Schema> {
  for (let v = 1; v < kind.version; v++) {
    if (!kind.migrations?.[v]) throw new Error(`defineKind(${kind.name}): no migration from version ${v}`);
  }
  if ((kind.pageAccess ?? 'read-write') !== 'read-write' && !kind.managedBy) {
    throw new Error(`defineKind(${kind.name}): a kind the pages may not write needs managedBy`);
  }
  return { migrations: {}, pageAccess: 'read-write', countsAsImport: false, ...kind };
}

/** The data a record of kind `K` holds, as its schema describes it. */
export type KindData<K extends RecordKind> = z.infer<K['schema']>;

/**
 * The kinds a vault stores, handed to it by whoever opens it (the background, a test, a bench),
 * so that the vault core does not load every kind and, through them, every feature's schemas.
 */
export interface KindRegistry {
  find(name: string): RecordKind | undefined;
  profileKinds(): readonly RecordKind[];
}
