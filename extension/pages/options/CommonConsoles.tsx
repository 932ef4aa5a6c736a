/** Well-known cloud console addresses, allowed in one click through the same site builder. */
import { CONSOLE_SITES, siteFromInput, siteGranted } from '../../common/site-patterns';
import type { Site } from '../../common/site-patterns';

export function CommonConsoles({ origins, onAllow }: { origins: string[]; onAllow(site: Site): void }) {
  return (
    <section class="sfx-panel" aria-labelledby="consoles">
      <h2 id="consoles">Common consoles</h2>
      <p>
        On-premises consoles (Exchange admin center at /ecp, BlackBerry Administration Service, SEG and IIS logs) live
        on your own servers: add their host names above.
      </p>
      <ul class="sfx-rows">
        {CONSOLE_SITES.map(({ input, label }) => {
          const result = siteFromInput(input);
          if (!result.ok) return null;
          return (
            <li class="sfx-row" key={input}>
              <span class="sfx-grow">{label}</span>
              {siteGranted(result.site, origins) ? (
                <span class="sfx-ok">Allowed</span>
              ) : (
                <button type="button" class="sf-button" onClick={() => onAllow(result.site)}>
                  Allow
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
