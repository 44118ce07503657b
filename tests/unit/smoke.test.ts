import { describe, expect, it } from 'vitest';
import { Vault, VaultDb, VAULT_SCOPE } from '../../src/vault/index';
import { randomBytes } from '../../src/shared/bytes';
import { recordKinds } from '../../src/records/registry';
import { noteKind } from '../../src/records/note';

describe('vault smoke', () => {
  it('creates, writes, locks, unlocks and reads back', async () => {
    const vault = await Vault.open(recordKinds, new VaultDb('smoke'));
    const kek = randomBytes(32);
    const kdf = { algorithm: 'argon2id' as const, memoryKiB: 8192, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA' };
    await vault.create({ kdf, kek });
    const [p] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
    await vault.records.write([{ op: 'put', profileId: p!.id, kind: 'note', data: { title: 'Hej', body: 'Møde på Åboulevarden' } }]);
    vault.lock();
    await expect(vault.unlock(randomBytes(32))).rejects.toThrow('wrong-passphrase');
    await vault.unlock(kek);
    const notes = await vault.records.list(p!.id, noteKind);
    expect(notes.records.map((r) => (r.data as { body: string }).body)).toEqual(['Møde på Åboulevarden']);
  });
});
