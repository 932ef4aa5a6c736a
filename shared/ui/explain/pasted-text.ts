/**
 * The text being explained survives a reload in this tab (sessionStorage: gone with the
 * tab, never shared). Large pastes are not kept: they would crowd out device storage.
 */
const KEY = 'syncfix:explain-text';
const MAX_KEPT = 200_000;

export function savePastedText(text: string): void {
  try {
    if (text && text.length <= MAX_KEPT) sessionStorage.setItem(KEY, text);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Blocked or full session storage only costs the text on reload.
  }
}

export function loadPastedText(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
