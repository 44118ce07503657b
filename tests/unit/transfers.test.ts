/** Files sent across the message boundary in parts: split and joined again, swept or refused past their time. */
import { describe, expect, it } from 'vitest';
import { TRANSFER_CHUNK_BYTES } from '../../src/messaging/api';
import { ChunkedTransfers, readChunk } from '../../src/background/transfers';
import { fromBase64Url } from '../../src/shared/base64url';
import { concatBytes } from '../../src/shared/bytes';
import { VaultError } from '../../src/vault/errors';

const TTL = 60_000;

function transfers(refuseExpired: boolean) {
  const clock = { now: 1_000_000 };
  return { clock, t: new ChunkedTransfers({ ttlMs: TTL, now: () => clock.now, refuseExpired }) };
}

describe('chunked transfers', () => {
  it('send a file in parts of TRANSFER_CHUNK_BYTES that join to the same bytes', () => {
    const { t } = transfers(true);
    const file = new Uint8Array(2 * TRANSFER_CHUNK_BYTES + 5);
    for (let i = 0; i < file.length; i += 4093) file[i] = (i / 4093) % 251;
    const opened = t.send(file);
    expect(opened).toMatchObject({ size: file.length, chunkCount: 3 });
    const pending = t.get(opened.transferId)!;
    const parts = [0, 1, 2].map((i) => fromBase64Url(readChunk(pending, i).data));
    expect(parts.map((p) => p.length)).toEqual([TRANSFER_CHUNK_BYTES, TRANSFER_CHUNK_BYTES, 5]);
    // Buffer.equals: a deep toEqual over 8 MiB is needlessly slow.
    expect(Buffer.from(concatBytes(...parts)).equals(Buffer.from(file))).toBe(true);
    expect(() => readChunk(pending, 3)).toThrowError(VaultError);
    expect(t.send(new Uint8Array(0)).chunkCount).toBe(0);
  });

  it('receive into room for every part, each a hole until it arrives', () => {
    const { t } = transfers(false);
    const opened = t.receive(TRANSFER_CHUNK_BYTES + 1);
    expect(opened).toMatchObject({ size: TRANSFER_CHUNK_BYTES + 1, chunkCount: 2 });
    const pending = t.get(opened.transferId)!;
    expect(pending.chunks).toHaveLength(2);
    expect(() => readChunk(pending, 0)).toThrowError(/no such part/);
  });

  it('refuse a transfer past its time when so configured, and otherwise keep it until the next one opens', () => {
    const refusing = transfers(true);
    const a = refusing.t.send(new Uint8Array(3));
    refusing.clock.now += TTL + 1;
    expect(refusing.t.get(a.transferId)).toBeUndefined();

    const sweeping = transfers(false);
    const b = sweeping.t.send(new Uint8Array(3));
    sweeping.clock.now += TTL + 1;
    expect(sweeping.t.get(b.transferId)).toBeDefined();
    const c = sweeping.t.send(new Uint8Array(3));
    expect(sweeping.t.get(b.transferId)).toBeUndefined();
    expect(sweeping.t.get(c.transferId)).toBeDefined();
  });

  it('forget one transfer, or all of them', () => {
    const { t } = transfers(true);
    const a = t.send(new Uint8Array(1));
    const b = t.send(new Uint8Array(1));
    t.delete(a.transferId);
    expect(t.get(a.transferId)).toBeUndefined();
    expect(t.get(b.transferId)).toBeDefined();
    t.clear();
    expect(t.get(b.transferId)).toBeUndefined();
  });
});
