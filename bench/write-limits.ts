/**
 * The encrypted write against its floor (bench/write-floor.ts), side by side from the same
 * runs: each floor part and the vault's write as a ratio of the floor. The floor of one run is
 * its per-record JSON + the faster of the two ciphers + plain IndexedDB of the same layout;
 * the figure's floor is the median of those sums.
 */
import { figure, mib, seconds, type Figure } from './figures';
import type { WriteFloor } from './write-floor';

/** Issue 11: the encrypted write of 100,000 records within twice its floor. */
const GOAL_RATIO = 2;

const floorOf = (run: WriteFloor): number => run.jsonMs + Math.min(run.aesGcmMs, run.xchachaMs) + run.indexedDbMs;

export function writeLimitFigures(vaultWriteMs: number[], floors: WriteFloor[]): { figures: Figure[]; details: Record<string, unknown> } {
  if (floors.length === 0) throw new Error('writeLimitFigures: no floor runs');
  const first = floors[0]!;
  const label = `${(first.records / 1000).toFixed(0)}k records, ${mib(first.bytes)} in ${first.pages} pages`;
  const floorMs = floors.map(floorOf);
  const against = { name: 'floor', ms: floorMs };
  const part = (name: string, key: 'jsonMs' | 'aesGcmMs' | 'xchachaMs' | 'indexedDbMs') =>
    figure(
      `  floor part: ${name}`,
      floors.map((f) => f[key]),
      against,
    );
  const floor = figure(`write floor, ${label}: JSON + fastest cipher + plain IndexedDB`, floorMs);
  const mbps = (ms: number) => `${(first.bytes / 1_000_000 / (ms / 1000)).toFixed(0)} MB/s`;
  const parts = [
    part('per-record JSON.stringify + encodeInto', 'jsonMs'),
    part('WebCrypto AES-GCM, one call per page', 'aesGcmMs'),
    part('noble XChaCha20-Poly1305, one call per page', 'xchachaMs'),
    part('plain IndexedDB put of the page rows (VaultDb)', 'indexedDbMs'),
  ];
  parts[1]!.detail = mbps(parts[1]!.medianMs);
  parts[2]!.detail = mbps(parts[2]!.medianMs);
  // What format 2 itself asks of every write: its cipher and two HMACs per record.
  const hmacs = figure(
    `  not in the floor: two HMAC-SHA256 per record (id tag, record MAC), the vault's own functions`,
    floors.map((f) => f.hmacMs),
    against,
  );
  const least = figure(
    `format 2's least: JSON + XChaCha20-Poly1305 + the two HMACs + plain IndexedDB`,
    floors.map((f) => f.jsonMs + f.xchachaMs + f.hmacMs + f.indexedDbMs),
    against,
  );
  least.detail = 'what no write of format 2 pages can go below';
  // Format 3 seals with AES-GCM and keeps one HMAC per record, the id tag that picks its bucket.
  const least3 = figure(
    `format 3's least: JSON + AES-GCM + the id tag HMAC + plain IndexedDB`,
    floors.map((f) => f.jsonMs + f.aesGcmMs + f.idTagMs + f.indexedDbMs),
    against,
  );
  least3.detail = 'what no write of format 3 pages can go below';
  const write = figure(`encrypted write, ${label}, one RecordStore.write call`, vaultWriteMs, {
    name: 'floor',
    ms: floorMs,
    goal: { ratio: GOAL_RATIO },
  });
  write.detail = `${seconds(write.medianMs - floor.medianMs)} above the floor`;
  return {
    figures: [floor, ...parts, hmacs, least, least3, write],
    details: { floors, floorMs, vaultWriteMs, ratio: write.ratio, goalRatio: GOAL_RATIO },
  };
}
