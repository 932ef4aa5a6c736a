/**
 * What a journey may do in a browser, the same in Chromium (playwright-core) and Firefox
 * (puppeteer-core over WebDriver BiDi). Journeys see only this, so each assertion runs in
 * both browsers unchanged. Extension calls (`extension`) run in an extension context where
 * `chrome.*` returns promises in both browsers.
 */
import type { CardSnapshot } from '../card-probe';
import type { TabSummary } from '../../../../extension/common/frame-report';

export type BrowserName = 'chromium' | 'firefox';

export interface JourneyPage {
  url(): string;
  click(selector: string): Promise<void>;
  /** Replaces the field's text as typing would (input events included). */
  type(selector: string, text: string): Promise<void>;
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  checked(selector: string): Promise<boolean>;
  press(key: 'Tab' | 'Escape' | 'Enter'): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Runs in the page's own world (the top frame). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs in every frame of the page, top first. */
  evaluateFrames<R>(fn: () => R | Promise<R>): Promise<R[]>;
  /** SyncFix's card, through card-probe.ts. */
  card(): Promise<CardSnapshot | undefined>;
  cardButtonCenter(label: string): Promise<{ x: number; y: number } | undefined>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: BrowserName;
  /** A fixture page's address on the local server. */
  fixture(path: string): string;
  open(url: string): Promise<JourneyPage>;
  extensionPage(path: string): Promise<JourneyPage>;
  /** Resolves with the next tab whose address matches (a tab the extension opens). */
  nextPage(match: RegExp): Promise<JourneyPage>;
  /** A click on SyncFix's toolbar button over this tab: what grants activeTab. */
  clickToolbarButton(page: JourneyPage): Promise<void>;
  tabId(page: JourneyPage): Promise<number>;
  extension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  badge(tabId: number): Promise<string>;
  summary(tabId: number): Promise<TabSummary>;
  /** Test builds only: what the next-error shortcut and the context menu run. */
  command(tabId: number): Promise<void>;
  explainSelection(text: string, tabId: number): Promise<void>;
  close(): Promise<void>;
}

/** The host every journey allows and removes: the fixture server's. */
export const FIXTURE_HOST = '127.0.0.1';

/** A call into the test build's `__syncfixTest` hooks, however the browser reaches them. */
export type Hook = (name: string, ...args: unknown[]) => Promise<unknown>;

/** What both drivers ask the test hooks for: the tab's summary, the shortcut, the context menu. */
export function hookActions(hook: Hook): Pick<BrowserDriver, 'summary' | 'command' | 'explainSelection'> {
  return {
    summary: (tabId) => hook('tabSummary', tabId) as Promise<TabSummary>,
    command: async (tabId) => void (await hook('command', tabId)),
    explainSelection: async (text, tabId) =>
      void (await hook(
        'contextMenuClicked',
        { menuItemId: 'syncfix-explain', selectionText: text },
        { id: tabId, index: 0 },
      )),
  };
}
