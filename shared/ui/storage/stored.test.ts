import { describe, expect, it } from 'vitest';
import { CorruptValueError, memoryStore } from './key-value-store';
import type { KeyValueStore } from './key-value-store';
import { isRecordOf, isStringArray, readStored, writeStored } from './stored';

describe('stored values', () => {
  it('reads what was written', () => {
    const store = memoryStore();
    expect(writeStored(store, 'saved', ['a', 'b'])).toBe(true);
    expect(readStored(store, 'saved', isStringArray, [])).toEqual({ value: ['a', 'b'], reset: false });
  });

  it('gives the fallback, without a reset, when nothing was stored', () => {
    expect(readStored(memoryStore(), 'saved', isStringArray, [])).toEqual({ value: [], reset: false });
  });

  it('removes and reports a value that is not JSON', () => {
    const store = memoryStore({ saved: '{"half' });
    expect(() => store.get('saved')).toThrow(CorruptValueError);
    expect(readStored(store, 'saved', isStringArray, [])).toEqual({ value: [], reset: true });
    expect(store.get('saved')).toBeUndefined();
  });

  it('removes and reports a value of the wrong shape', () => {
    const store = memoryStore({ saved: '[1,2]', marks: '{"a":{"0":"maybe"}}' });
    expect(readStored(store, 'saved', isStringArray, []).reset).toBe(true);
    expect(readStored(store, 'marks', isRecordOf(isRecordOf((v): v is 'yes' => v === 'yes')), {}).reset).toBe(true);
    expect(store.get('saved')).toBeUndefined();
  });

  it('says so when the device refuses a write, instead of throwing', () => {
    const full: KeyValueStore = {
      get: () => undefined,
      set: () => {
        throw new Error('QuotaExceededError');
      },
      remove: () => {},
    };
    expect(writeStored(full, 'saved', ['a'])).toBe(false);
  });
});
