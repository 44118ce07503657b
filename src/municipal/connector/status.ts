/** What the UI learns about a sync while it runs and after: counts, never record content. */
import type { ResourceName } from '../api/schemas';
import type { VaultErrorCode } from '../../vault/errors';
import type { MunicipalErrorCode } from './errors';

export type SyncPart = 'me' | ResourceName;

export interface PartProgress {
  part: SyncPart;
  state: 'waiting' | 'running' | 'done' | 'failed';
  pages: number;
  stored: number;
  deleted: number;
  /** Records received but not stored: their signature or digest failed, or they were unreadable. */
  rejected: number;
  /** Set when this part stopped early. */
  error: VaultErrorCode | MunicipalErrorCode | null;
}

export interface SyncStatus {
  profileId: string;
  connectionId: string;
  origin: string;
  municipalityName: string;
  state: 'running' | 'ok' | 'partial' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  parts: PartProgress[];
  /**
   * 0–1 for a progress bar. The API announces no totals, so within a part it grows with the
   * pages fetched and approaches that part's share; a finished part counts fully.
   */
  fraction: number;
  stored: number;
  deleted: number;
  rejected: number;
  /** The first error that stopped a part (or the whole sync); null when everything finished. */
  error: VaultErrorCode | MunicipalErrorCode | null;
}

/** Progress of a part still running: 1 − 1/(pages + 2), so it rises fast, then slowly, never reaching 1. */
export function syncFraction(parts: readonly PartProgress[]): number {
  if (parts.length === 0) return 0;
  const sum = parts.reduce((total, p) => {
    if (p.state === 'done' || p.state === 'failed') return total + 1;
    if (p.state === 'running') return total + 0.9 * (1 - 1 / (p.pages + 2));
    return total;
  }, 0);
  return Math.min(1, sum / parts.length);
}
