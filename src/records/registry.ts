/** Every record kind, registered in one place (a meta-test checks each is documented). */
import type { RecordKind } from './kind';
import { noteKind } from './note';
import { profileKind } from './profile';

export const RECORD_KINDS = [profileKind, noteKind] as const satisfies readonly RecordKind[];

export type KindName = (typeof RECORD_KINDS)[number]['name'];

const byName = new Map<string, RecordKind>(RECORD_KINDS.map((k) => [k.name, k]));

export const findKind = (name: string): RecordKind | undefined => byName.get(name);
export const profileKinds = (): RecordKind[] => RECORD_KINDS.filter((k) => k.scope === 'profile');
