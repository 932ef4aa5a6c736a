/**
 * Options: the sites SyncFix may read (granted one by one), the common console addresses to
 * allow in one click, how marks are drawn, and the keyboard shortcut. Granting happens
 * straight from the click (the browser's permission prompt needs a user gesture).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings } from '../../common/settings';
import type { Settings } from '../../common/settings';
import { CONSOLE_PATTERNS, describePattern, patternFromInput } from '../../common/site-patterns';
import { grantedPatterns, requestSite, revokeSite } from '../ui/use-site-access';

export function Options() {
  const [sites, setSites] = useState<string[]>([]);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const [shortcut, setShortcut] = useState<string>();

  useEffect(() => {
    const refresh = () => void grantedPatterns().then((p) => setSites(p.sort()));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    void browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === 'next-known-error')?.shortcut));
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const allow = (pattern: string) => {
    void requestSite(pattern).then((granted) =>
      setMessage(
        granted
          ? { text: `SyncFix now runs on ${describePattern(pattern)}.`, ok: true }
          : { text: `Not allowed: the browser's prompt was declined.`, ok: false },
      ),
    );
  };

  const remove = (pattern: string) => {
    void revokeSite([pattern]).then((removed) =>
      setMessage(
        removed
          ? { text: `SyncFix no longer runs on ${describePattern(pattern)}.`, ok: true }
          : { text: `${describePattern(pattern)} was allowed at install and cannot be removed here.`, ok: false },
      ),
    );
  };

  const addTyped = (event: Event) => {
    event.preventDefault();
    const pattern = patternFromInput(input);
    if (!pattern) {
      setMessage({ text: 'Type a host name such as mail.contoso.com, or a web address.', ok: false });
      return;
    }
    setInput('');
    allow(pattern);
  };

  const saveMarkStyle = (markStyle: Settings['markStyle']) => {
    const next = { ...settings, markStyle };
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };

  return (
    <main class="sfx-options">
      <h1>SyncFix options</h1>
      <p>
        SyncFix reads only the sites you allow here, marks known errors where they stand and never sends anything
        anywhere: it makes no network requests at all.
      </p>

      <section class="sfx-panel" aria-labelledby="sites">
        <h2 id="sites">Allowed sites</h2>
        {sites.length ? (
          <ul class="sfx-rows">
            {sites.map((pattern) => (
              <li class="sfx-row" key={pattern}>
                <code class="sfx-grow">{describePattern(pattern)}</code>
                <button type="button" class="sf-button" onClick={() => remove(pattern)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>No site yet. Allow your consoles below, or use “Enable on this site” in the toolbar popup.</p>
        )}
        <form class="sfx-add" onSubmit={addTyped}>
          <label class="sf-visually-hidden" for="site-input">
            Site to allow
          </label>
          <input
            id="site-input"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
            placeholder="mail.contoso.com, bes01.contoso.local, *.awmdm.com"
            autocomplete="off"
            spellcheck={false}
          />
          <button type="submit" class="sf-button sf-button-primary">
            Allow
          </button>
        </form>
        {message && (
          <p class={message.ok ? 'sfx-ok' : 'sfx-error'} role="status">
            {message.text}
          </p>
        )}
      </section>

      <section class="sfx-panel" aria-labelledby="consoles">
        <h2 id="consoles">Common consoles</h2>
        <p>
          On-premises consoles (Exchange admin center at /ecp, BlackBerry Administration Service, SEG and IIS logs) live
          on your own servers: add their host names above.
        </p>
        <ul class="sfx-rows">
          {CONSOLE_PATTERNS.map(({ pattern, label }) => (
            <li class="sfx-row" key={pattern}>
              <span class="sfx-grow">{label}</span>
              {sites.includes(pattern) ? (
                <span class="sfx-ok">Allowed</span>
              ) : (
                <button type="button" class="sf-button" onClick={() => allow(pattern)}>
                  Allow
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section class="sfx-panel" aria-labelledby="marks">
        <h2 id="marks">How errors are marked</h2>
        <label class="sfx-choice">
          <input
            type="radio"
            name="mark-style"
            checked={settings.markStyle === 'highlight'}
            onChange={() => saveMarkStyle('highlight')}
          />
          <span>Highlight the text (the page itself is never changed)</span>
        </label>
        <label class="sfx-choice">
          <input
            type="radio"
            name="mark-style"
            checked={settings.markStyle === 'boxes'}
            onChange={() => saveMarkStyle('boxes')}
          />
          <span>Draw boxes over the text (easier to spot on busy pages)</span>
        </label>
        <p class="sfx-note">Applies to pages loaded from now on.</p>
      </section>

      <section class="sfx-panel" aria-labelledby="keys">
        <h2 id="keys">Keyboard</h2>
        <p class="sfx-note">
          Next known error on the page: <kbd>{shortcut || 'not set'}</kbd>. It opens the error’s card with focus; Tab
          reaches “Open full guide”, Escape closes it. Change shortcuts in your browser’s extension shortcut settings.
        </p>
      </section>
    </main>
  );
}
