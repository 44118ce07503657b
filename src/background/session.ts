/**
 * Where the background keeps what must survive an MV3 service-worker restart but never reach
 * disk: the unwrapped data key and the time of last use. In the browser this is
 * `storage.session` (memory only, cleared when the browser closes, closed to content scripts).
 */
export interface SessionStore {
  get(): Promise<{ dataKey?: string; lastActiveAt?: number }>;
  set(values: { dataKey?: string; lastActiveAt?: number }): Promise<void>;
  clear(): Promise<void>;
}

/** For unit tests and for contexts without session storage. */
export function memorySessionStore(): SessionStore {
  let values: { dataKey?: string; lastActiveAt?: number } = {};
  return {
    get: async () => ({ ...values }),
    set: async (next) => void (values = { ...values, ...next }),
    clear: async () => void (values = {}),
  };
}
