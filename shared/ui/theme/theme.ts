export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'theme';
export const THEME_LABEL = 'theme choice';
export const isThemeChoice = (v: unknown): v is ThemeChoice => v === 'system' || v === 'light' || v === 'dark';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
export const nextTheme = (t: ThemeChoice) => NEXT[t];

/** `data-theme` pins the palette; without it the CSS follows the system (light-dark()). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/** For pages without the App (the extension popup): follow the theme the guide pinned. */
export function applyStoredTheme(storage: { get(key: string): unknown }, root?: HTMLElement): void {
  let stored: unknown;
  try {
    stored = storage.get(THEME_KEY);
  } catch {
    // A corrupt value is the App's to report and reset; here the system theme will do.
  }
  applyTheme(isThemeChoice(stored) ? stored : 'system', root);
}
