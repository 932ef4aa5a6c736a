/**
 * The allowed sites and the box to allow one more. What the admin types becomes a site only
 * through `siteFromInput`; what it refuses, and what the browser answers, is shown in words.
 */
import { useState } from 'preact/hooks';
import { siteFromInput } from '../../common/site-patterns';
import type { Site } from '../../common/site-patterns';
import type { Outcome } from '../ui/use-site-access';

interface Props {
  sites: Site[];
  message: Outcome | undefined;
  onAllow(site: Site): void;
  onRemove(site: Site): void;
  onRefused(reason: string): void;
}

export function SiteGrants({ sites, message, onAllow, onRemove, onRefused }: Props) {
  const [input, setInput] = useState('');

  const addTyped = (event: Event) => {
    event.preventDefault();
    const result = siteFromInput(input);
    if (!result.ok) {
      onRefused(result.reason);
      return;
    }
    setInput('');
    onAllow(result.site);
  };

  return (
    <section class="sfx-panel" aria-labelledby="sites">
      <h2 id="sites">Allowed sites</h2>
      {sites.length ? (
        <ul class="sfx-rows">
          {sites.map((site) => (
            <li class="sfx-row" key={site.label}>
              <code class="sfx-grow">{site.label}</code>
              <button type="button" class="sf-button" onClick={() => onRemove(site)}>
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
          placeholder="mail.contoso.com, 10.0.0.5, *.awmdm.com"
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit" class="sf-button sf-button-primary">
          Allow
        </button>
      </form>
      <p class="sfx-note">
        A site is one host on every port; type http:// or https:// in front to allow only that one.
      </p>
      {message && (
        <p class={message.ok ? 'sfx-ok' : 'sfx-error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
