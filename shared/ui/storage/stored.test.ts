import { describe, expect, it } from 'vitest';
import { CorruptValueError, memoryStore } from './key-value-store';
import type { KeyValueStore } from './key-value-store';
import { isRecordOf, isStringArray, readStored, writeStored } from './stored';

describe('stored values', () => {
  it('reads what was written', () => {
    const store = memoryStore();
    expect(writeStored(store, 'saved', ['a', 'b'])).toBe(true);
    expect(readStored(store, 'saved', isStringArray, [])).toEqual({ value: ['a', 'b'] });
  });

  it('gives the fallback, without a reset, when nothing was stored', () => {
    expect(readStored(memoryStore(), 'saved', isStringArray, [])).toEqual({ value: [] });
  });

  it('removes and reports a value that is not JSON', () => {
    const store = memoryStore({ saved: '{"half' });
    expect(() => store.get('saved')).toThrow(CorruptValueError);
    expect(readStored(store, 'saved', isStringArray, [])).toEqual({ value: [], problem: 'reset' });
    expect(store.get('saved')).toBeUndefined();
  });

  it('removes and reports a value of the wrong shape', () => {
    const store = memoryStore({ saved: '[1,2]', marks: '{"a":{"0":"maybe"}}' });
    expect(readStored(store, 'saved', isStringArray, []).problem).toBe('reset');
    expect(readStored(store, 'marks', isRecordOf(isRecordOf((v): v is 'yes' => v === 'yes')), {}).problem).toBe(
      'reset',
    );
    expect(store.get('saved')).toBeUndefined();
  });

  it('touches nothing, and says the read was refused, when the device throws on a read', () => {
    let removed = 0;
    const refusing: KeyValueStore = {
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      set: () => {},
      remove: () => void removed++,
    };
    expect(readStored(refusing, 'saved', isStringArray, [])).toEqual({ value: [], problem: 'unreadable' });
    expect(removed).toBe(0);
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
