/**
 * Typed reads and writes over a KeyValueStore. A value that is unreadable or has the wrong
 * shape is removed and reported, so one corrupt entry resets that part and nothing else.
 */
import { CorruptValueError } from './key-value-store';
import type { KeyValueStore } from './key-value-store';

export type Guard<T> = (value: unknown) => value is T;

export interface ReadResult<T> {
  value: T;
  /**
   * `reset`: the stored value was unusable (not JSON, wrong shape) and has been removed;
   * `unreadable`: the device refused the read itself, so nothing was touched and the
   * fallback stands in for now.
   */
  problem?: 'reset' | 'unreadable';
}

export function readStored<T>(store: KeyValueStore, key: string, isValid: Guard<T>, fallback: T): ReadResult<T> {
  let raw: unknown;
  try {
    raw = store.get(key);
  } catch (error) {
    if (!(error instanceof CorruptValueError)) return { value: fallback, problem: 'unreadable' };
    removeQuietly(store, key);
    return { value: fallback, problem: 'reset' };
  }
  if (raw === undefined || isValid(raw)) return { value: (raw as T | undefined) ?? fallback };
  removeQuietly(store, key);
  return { value: fallback, problem: 'reset' };
}

/** False when the device refused to keep it (storage full or disabled). */
export function writeStored(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.set(key, value);
    return true;
  } catch {
    return false;
  }
}

function removeQuietly(store: KeyValueStore, key: string): void {
  try {
    store.remove(key);
  } catch {
    // Storage that cannot even remove is reported by the reset all the same.
  }
}

export const isStringArray: Guard<string[]> = (v): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

export function isRecordOf<T>(isValue: Guard<T>): Guard<Record<string, T>> {
  return (v): v is Record<string, T> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isValue);
}
