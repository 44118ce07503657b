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
}

export function defineKind<Schema extends z.ZodType>(
  kind: Omit<RecordKind<Schema>, 'migrations'> & { migrations?: RecordKind['migrations'] },
): RecordKind<Schema> {
  for (let v = 1; v < kind.version; v++) {
    if (!kind.migrations?.[v]) throw new Error(`defineKind(${kind.name}): no migration from version ${v}`);
  }
  return { migrations: {}, ...kind };
}

export type KindData<K extends RecordKind> = z.infer<K['schema']>;
