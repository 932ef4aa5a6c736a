import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { memoryStore } from './key-value-store';
import type { KeyValueStore } from './key-value-store';
import { readStored, writeStored } from './stored';
import type { Guard } from './stored';

export interface DeviceStorage {
  store: KeyValueStore;
  /** Tells the user a part of their device data was reset or could not be kept. */
  report(problem: StorageProblem): void;
}

export interface StorageProblem {
  /**
   * reset: unusable and cleared; unreadable: the device refused the read, nothing changed;
   * not-saved: a write failed; not-kept: nothing survives this tab.
   */
  kind: 'reset' | 'unreadable' | 'not-saved' | 'not-kept';
  /** What the user calls this data: "saved articles", "checklist ticks". */
  label: string;
}

export const StorageContext = createContext<DeviceStorage>({ store: memoryStore(), report: () => {} });

/** State kept on the device under `key`; a corrupt value is reset, and reported, on read. */
export function useStored<T>(
  key: string,
  isValid: Guard<T>,
  fallback: T,
  label: string,
): [T, (update: T | ((previous: T) => T)) => void] {
  const { store, report } = useContext(StorageContext);
  const read = () => {
    const result = readStored(store, key, isValid, fallback);
    // Reads happen while rendering; the notice belongs to the next tick.
    const { problem } = result;
    if (problem) queueMicrotask(() => report({ kind: problem, label }));
    return { key, value: result.value };
  };
  const [state, setState] = useState(read);
  // One component may show several keys over its life (a checklist per diagnosis step).
  const current = state.key === key ? state : read();
  const latest = useRef(current);
  latest.current = current;
  useEffect(() => {
    if (state.key !== key) setState(current);
  });
  const update = useCallback(
    (u: T | ((previous: T) => T)) => {
      const value = typeof u === 'function' ? (u as (p: T) => T)(latest.current.value) : u;
      if (!writeStored(store, key, value)) report({ kind: 'not-saved', label });
      latest.current = { key, value };
      setState(latest.current);
    },
    [store, key, label, report],
  );
  return [current.value, update];
}
