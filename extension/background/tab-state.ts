/**
 * Per-tab, per-frame reports from content scripts. Kept in `storage.session` (memory only,
 * cleared with the browser) because the MV3 service worker is stopped after 30 s idle and
 * its variables with it; writes for one tab are serialised so concurrent frames do not
 * overwrite each other.
 */
import browser from 'webextension-polyfill';
import { frameReportShape, summarise } from '../common/frame-report';
import type { FrameReport, TabSummary } from '../common/frame-report';

type TabRecord = Record<string, FrameReport>;

const key = (tabId: number) => `tab:${tabId}`;
const chains = new Map<number, Promise<unknown>>();

function serialised<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(work, work);
  chains.set(tabId, next);
  // Bookkeeping only: the caller gets `next` itself and sees its failure there.
  next
    .finally(() => {
      if (chains.get(tabId) === next) chains.delete(tabId);
    })
    .catch(() => {});
  return next;
}

async function load(tabId: number): Promise<TabRecord> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  if (typeof stored !== 'object' || stored === null) return {};
  // Re-checked: session storage is ours, but a bad write must not break the popup.
  const record: TabRecord = {};
  for (const [frame, report] of Object.entries(stored as Record<string, unknown>)) {
    if (/^\d+$/.test(frame) && frameReportShape.check(report)) record[frame] = report;
  }
  return record;
}

export function setFrame(tabId: number, frameId: number, report: FrameReport): Promise<TabSummary> {
  return serialised(tabId, async () => {
    const record = await load(tabId);
    record[String(frameId)] = report;
    await browser.storage.session.set({ [key(tabId)]: record });
    return summarise(Object.values(record));
  });
}

export function tabSummary(tabId: number): Promise<TabSummary> {
  return serialised(tabId, async () => summarise(Object.values(await load(tabId))));
}

/** Frames holding marks (optionally of one article), in frame order, top frame first. */
export function framesWithMarks(tabId: number, article?: string): Promise<number[]> {
  return serialised(tabId, async () => {
    const record = await load(tabId);
    return Object.entries(record)
      .filter(([, r]) => (article ? r.articles.some((a) => a.article === article) : r.errors + r.info > 0))
      .map(([frame]) => Number(frame))
      .sort((a, b) => a - b);
  });
}

export function hasReports(tabId: number): Promise<boolean> {
  return serialised(tabId, async () => Object.keys(await load(tabId)).length > 0);
}

export function clearTab(tabId: number): Promise<void> {
  return serialised(tabId, () => browser.storage.session.remove(key(tabId)));
}
