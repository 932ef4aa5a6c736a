/**
 * Options: the sites SyncFix may read (granted one by one), the common console addresses to
 * allow in one click, how marks are drawn, and the keyboard shortcut. Parts:
 *   SiteGrants.tsx      allowed sites, the typed site and its answer in words
 *   CommonConsoles.tsx  well-known console addresses, one click each
 *   MarkStyle.tsx       highlight or boxes;  Shortcut.tsx  the next-error key
 */
import { useState } from 'preact/hooks';
import type { Site } from '../../common/site-patterns';
import { askForSite, removeSite } from '../ui/use-site-access';
import type { Outcome } from '../ui/use-site-access';
import { CommonConsoles } from './CommonConsoles';
import { MarkStyle } from './MarkStyle';
import { Shortcut } from './Shortcut';
import { SiteGrants } from './SiteGrants';
import { useGrantedSites } from './use-granted-sites';

export function Options() {
  const granted = useGrantedSites();
  const [message, setMessage] = useState<Outcome>();
  const show = (work: Promise<Outcome>) =>
    work.then(setMessage, (error: unknown) =>
      setMessage({ ok: false, text: `Something went wrong: ${String(error)}` }),
    );
  // Straight from the click: the browser shows its permission prompt only for a user gesture.
  const allow = (site: Site) => show(askForSite(site));
  const remove = (site: Site) => show(removeSite(site));

  return (
    <main class="sfx-options">
      <h1>SyncFix options</h1>
      <p>
        SyncFix reads only the sites you allow here, marks known errors where they stand and never sends anything
        anywhere: it makes no network requests at all.
      </p>
      <SiteGrants
        sites={granted.sites}
        message={message}
        onAllow={allow}
        onRemove={remove}
        onRefused={(reason) => setMessage({ ok: false, text: reason })}
      />
      <CommonConsoles origins={granted.origins} onAllow={allow} />
      <MarkStyle />
      <Shortcut />
    </main>
  );
}
