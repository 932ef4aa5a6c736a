/** The next-known-error shortcut as the browser has it bound (the admin may have changed it). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { NEXT_ERROR_COMMAND } from '../../manifest/manifest';

export function Shortcut() {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setShortcut(all.find((c) => c.name === NEXT_ERROR_COMMAND)?.shortcut),
      () => setShortcut(undefined),
    );
  }, []);
  return (
    <section class="sfx-panel" aria-labelledby="keys">
      <h2 id="keys">Keyboard</h2>
      <p class="sfx-note">
        Next known error on the page: <kbd>{shortcut || 'not set'}</kbd>. It opens the error’s card with focus; Tab
        reaches “Open full guide”, Escape closes it. Change shortcuts in your browser’s extension shortcut settings.
      </p>
    </section>
  );
}
