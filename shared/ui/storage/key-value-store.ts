/**
 * Where the guide keeps what belongs to one device: saved articles, recent searches,
 * "did this fix it?" marks, checklist ticks. Values are JSON.
 */
export interface KeyValueStore {
  /** The stored value, `undefined` when absent. Throws `CorruptValueError` when the stored text is unreadable. */
  get(key: string): unknown;
  /** Throws when the value cannot be kept (storage full or disabled). */
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** False when values last only as long as this page (storage blocked); the App tells the user. */
  readonly persistent?: boolean;
}

export class CorruptValueError extends Error {
  constructor(readonly key: string) {
    super(`Stored value "${key}" is unreadable`);
  }
}

/** localStorage under a prefix; falls back to memory where storage is blocked (private modes, sandboxed frames). */
export function localStorageStore(prefix = 'syncfix:'): KeyValueStore {
  const storage = openLocalStorage();
  if (!storage) return { ...memoryStore(), persistent: false };
  return {
    persistent: true,
    get(key) {
      const raw = storage.getItem(prefix + key);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw new CorruptValueError(key);
      }
    },
    set(key, value) {
      storage.setItem(prefix + key, JSON.stringify(value));
    },
    remove(key) {
      storage.removeItem(prefix + key);
    },
  };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get(key) {
      const raw = data.get(key);
      if (raw === undefined) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw new CorruptValueError(key);
      }
    },
    set(key, value) {
      data.set(key, JSON.stringify(value));
    },
    remove(key) {
      data.delete(key);
    },
  };
}

function openLocalStorage(): Storage | undefined {
  try {
    // Merely reading `localStorage` throws in some sandboxed contexts.
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    const probe = '__syncfix_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
