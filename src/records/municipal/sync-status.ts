/**
 * What the UI learns about a sync while it runs and after: counts, never record content. Types
 * only, beside the stored SyncOutcome: the connector fills them in, the message API passes them
 * on, and neither imports the other.
 */
import type { ResourceName } from '../../municipal/api/schemas';

export type SyncPart = 'me' | ResourceName;

export interface PartProgress {
  part: SyncPart;
  /** `not-covered`: a category the representative's power of attorney leaves out, never asked for. */
  state: 'waiting' | 'running' | 'done' | 'failed' | 'not-covered';
  pages: number;
  stored: number;
  deleted: number;
  /** Records received but not stored: their signature or digest failed, or they were unreadable. */
  rejected: number;
  /** The vault error code that stopped this part early; null otherwise. */
  error: string | null;
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
  /** The vault error code that first stopped a part (or the whole sync); null when all finished. */
  error: string | null;
}
