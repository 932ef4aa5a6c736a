/**
 * Starts SyncFix in one frame: wires the scanner, the marks, the card and the listeners
 * together, and returns what a second injection ("Scan this page once" on a page already
 * scanned) calls instead of starting twice. Everything stops through one AbortSignal.
 */
import browser from 'webextension-polyfill';
import kit from 'virtual:kb/detect';
import { Detector } from '../../shared/detect/detector';
import { caller, listener } from '../common/messaging';
import type { FrameReport } from '../common/frame-report';
import { SETTINGS_KEY, parseSettings } from '../common/settings';
import type { BackgroundHandlers } from '../background/handlers';
import { CardController } from './card/card';
import { UI_CSS } from './card/card-css';
import { contentHandlers } from './handlers';
import { markAtPoint } from './hit-test';
import { watchKeyboard } from './keyboard';
import { HighlightPainter, highlightsSupported } from './marks/highlight-painter';
import type { MarkKind } from './marks/mark';
import { MarkStore } from './marks/mark-store';
import { OverlayPainter } from './marks/overlay-painter';
import type { MarkPainter } from './marks/painter';
import { ChangeWatcher } from './mutations';
import { reveal } from './navigate';
import { PageScanner } from './page-scan';
import { watchPointer } from './pointer';
import { Reporter } from './report';
import { skipper } from './skip';
import { onTrusted } from './trusted';
import { UiHost } from './ui-host';
import { logFailure } from '../common/failures';

export interface Instance {
  rescan(): void;
}

const background = caller<BackgroundHandlers>((message) => browser.runtime.sendMessage(message));

export function kindOf(article: string): MarkKind | undefined {
  if (!Object.hasOwn(kit.cards, article)) return undefined;
  return kit.cards[article]!.kind === 'problem' ? 'error' : 'info';
}

export function start(doc: Document): Instance {
  const controller = new AbortController();
  const { signal } = controller;
  const host = new UiHost(doc, UI_CSS);
  const store = new MarkStore();
  let painter: MarkPainter | undefined;
  const ready = browser.storage.local
    .get(SETTINGS_KEY)
    .then((stored) => parseSettings(stored[SETTINGS_KEY]))
    .catch(() => parseSettings(undefined))
    .then((settings) => {
      painter =
        settings.markStyle === 'boxes' || !highlightsSupported() ? new OverlayPainter(host, signal) : new HighlightPainter();
      return painter;
    });

  const lazyPainter: MarkPainter = {
    get name() {
      return painter?.name ?? 'highlight';
    },
    add: (marks) => painter?.add(marks),
    remove: (marks) => painter?.remove(marks),
    setActive: (mark) => painter?.setActive(mark),
    flush: () => painter?.flush(),
    destroy: () => painter?.destroy(),
  };

  const report = (): FrameReport => {
    const counts = store.counts();
    return {
      state: scanner.state,
      ...(scanner.reason && { reason: scanner.reason }),
      errors: counts.errors,
      info: counts.info,
      articles: counts.articles,
      stats: {
        marker: lazyPainter.name,
        textNodes: scanner.counters.textNodes,
        chars: scanner.counters.chars,
        slices: scanner.stats.slices,
        longestSliceMs: Math.round(scanner.stats.longestSliceMs * 100) / 100,
        totalMs: Math.round(scanner.stats.totalMs * 100) / 100,
      },
    };
  };
  const reporter = new Reporter(report, (r) => background('reportFrame', r));

  const watcher = new ChangeWatcher({
    isOurs: (node) => host.owns(node),
    changed: (lines, removals) => {
      if (removals) scanner.prune();
      if (lines.length) void scanner.scan(lines).catch(logFailure('scanning changed lines'));
    },
    storm: () => scanner.pause('too-many-changes'),
  });

  const scanner: PageScanner = new PageScanner({
    detector: new Detector(kit.signatures, kit.detection),
    kindOf,
    store,
    painter: lazyPainter,
    skip: skipper((el) => host.owns(el)),
    onShadowRoot: (root) => watcher.observe(root),
    onChange: () => reporter.schedule(),
    onBackOff: () => watcher.disconnect(),
  });

  const card = new CardController(
    {
      host,
      painter: lazyPainter,
      model: (mark) => {
        const article = kit.cards[mark.article];
        if (!article) return undefined;
        const ordered = store.ordered();
        return { card: article, kind: mark.kind, found: mark.text, index: ordered.indexOf(mark), total: ordered.length };
      },
      openGuide: (mark) => void background('openArticle', { article: mark.article }).catch(() => undefined),
      next: () => reveal(store, card, { step: 'next', wrap: true }),
    },
    signal,
  );

  const markAt = (x: number, y: number) => markAtPoint(doc, store, x, y, scanner.shadowRoots);
  watchPointer(doc, { host, card, markAt }, signal);
  watchKeyboard(doc, { host, card, store }, signal);

  const handlers = contentHandlers({
    reveal: (request) => reveal(store, card, request),
    report: () => reporter.flush(),
    dismiss: () => card.hide({ restoreFocus: false }),
  });
  browser.runtime.onMessage.addListener(listener(handlers, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }));

  // Leaving the page (or into the back/forward cache): the badge must not count it any more.
  // Trusted only: a page dispatching its own pagehide must not zero the badge.
  onTrusted(
    window,
    'pagehide',
    () => void background('reportFrame', { ...report(), errors: 0, info: 0, articles: [] }).catch(() => undefined),
    { signal },
  );
  onTrusted(window, 'pageshow', (event) => event.persisted && reporter.flush(), { signal });

  const root = doc.body ?? doc.documentElement;
  void ready
    .then(() => {
      watcher.observe(doc);
      return scanner.scan([root]);
    })
    .catch(logFailure('scanning the page'));

  return {
    rescan: () =>
      void ready.then(() => scanner.scan([doc.body ?? doc.documentElement])).catch(logFailure('scanning the page again')),
  };
}
