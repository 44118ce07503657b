/** Asks the browser not to evict the vault's storage under pressure, and reports the answer. */
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

export async function requestPersistentStorage(): Promise<Persistence> {
  try {
    if (!navigator.storage?.persist) return 'unknown';
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
