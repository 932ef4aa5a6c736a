/** The admin's preferences, kept in `storage.local` under one key and checked when read. */
import { object, oneOf } from './shape';
import type { Infer } from './shape';

export const SETTINGS_KEY = 'settings';

export const settingsShape = object({
  /** `boxes`: outline errors with drawn boxes instead of highlighting the text (easier to see for some). */
  markStyle: oneOf('highlight', 'boxes'),
});

export type Settings = Infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ markStyle: 'highlight' });

export function parseSettings(value: unknown): Settings {
  return settingsShape.check(value) ? value : DEFAULT_SETTINGS;
}
