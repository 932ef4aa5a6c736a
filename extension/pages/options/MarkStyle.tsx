/** How marks are drawn: the Highlight API (the page untouched) or boxes over the text. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings } from '../../common/settings';
import type { Settings } from '../../common/settings';

export function MarkStyle() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [error, setError] = useState<string>();

  useEffect(() => {
    browser.storage.local.get(SETTINGS_KEY).then(
      (stored) => setSettings(parseSettings(stored[SETTINGS_KEY])),
      () => setError('Your saved choice could not be read; the default is shown.'),
    );
  }, []);

  const save = (markStyle: Settings['markStyle']) => {
    const next = { ...settings, markStyle };
    setSettings(next);
    browser.storage.local.set({ [SETTINGS_KEY]: next }).then(
      () => setError(undefined),
      () => setError('Your choice could not be saved.'),
    );
  };

  return (
    <section class="sfx-panel" aria-labelledby="marks">
      <h2 id="marks">How errors are marked</h2>
      <label class="sfx-choice">
        <input
          type="radio"
          name="mark-style"
          checked={settings.markStyle === 'highlight'}
          onChange={() => save('highlight')}
        />
        <span>Highlight the text (the page itself is never changed)</span>
      </label>
      <label class="sfx-choice">
        <input type="radio" name="mark-style" checked={settings.markStyle === 'boxes'} onChange={() => save('boxes')} />
        <span>Draw boxes over the text (easier to spot on busy pages)</span>
      </label>
      <p class="sfx-note">Applies to pages loaded from now on.</p>
      {error && <p class="sfx-error">{error}</p>}
    </section>
  );
}
