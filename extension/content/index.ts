/**
 * SyncFix content script. Map of parts:
 *   start.ts        wires everything for one frame
 *   page-scan.ts    time-sliced scan: text-lines.ts (DOM → lines + offsets) → detector → marks
 *   mutations.ts    coalesced MutationObserver → rescans of the changed lines only
 *   marks/          drawing: CSS Custom Highlight API, or overlay boxes as fallback
 *   card/           the card (closed shadow root), its placement and colour scheme
 *   pointer.ts, keyboard.ts, navigate.ts   hover/click, focus/Escape, next-error
 *   handlers.ts     what the background may ask; report.ts  what we tell it
 * Injected twice (registered for the site, then "Scan this page once"), it rescans
 * instead of starting again.
 */
import { start } from './start';
import type { Instance } from './start';

const INSTANCE = Symbol.for('syncfix.content');
const world = globalThis as { [INSTANCE]?: Instance };

// Not in XML/SVG documents or pages being edited as a whole (designMode).
if (document.documentElement instanceof HTMLElement && document.designMode !== 'on') {
  if (world[INSTANCE]) world[INSTANCE].rescan();
  else world[INSTANCE] = start(document);
}
