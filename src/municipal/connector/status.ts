/** How far a sync has come, for the status the UI reads (its shape is in src/records/municipal). */
import type { PartProgress } from '../../records/municipal/sync-status';

/** Progress of a part still running: 1 − 1/(pages + 2), so it rises fast, then slowly, never reaching 1. */
export function syncFraction(parts: readonly PartProgress[]): number {
  if (parts.length === 0) return 0;
  const sum = parts.reduce((total, p) => {
    if (p.state === 'done' || p.state === 'failed' || p.state === 'not-covered') return total + 1;
    if (p.state === 'running') return total + 0.9 * (1 - 1 / (p.pages + 2));
    return total;
  }, 0);
  return Math.min(1, sum / parts.length);
}
