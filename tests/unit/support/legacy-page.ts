/** Pages as format 1 wrote them (no version, no manifest), for upgrade tests. */
import { seal } from '../../../src/vault/crypto/aead';
import { framed } from '../../../src/vault/crypto/bytes';
import type { VaultKeys } from '../../../src/vault/crypto/keys';
import { sealPage, type PageEntry, type PageRow } from '../../../src/vault/storage/page-codec';
import { concatBytes } from '../../../src/shared/bytes';

export function sealLegacyPage(keys: VaultKeys, key: string, group: string, entries: PageEntry[]): PageRow {
  const { index } = sealPage(keys, key, group, 0, entries); // the index layout did not change
  const sealed = seal(keys.encryption, concatBytes(...entries.map((e) => e.bytes)), framed('handlerum/page/v1', 'pages', key, group, index));
  return { key, group, v: 1, nonce: sealed.nonce, index, body: sealed.ciphertext };
}
