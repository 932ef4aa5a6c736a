/**
 * The background's message API: a map of named handlers; `BackgroundHandlers` (its type)
 * is what callers are typed from. `from` says who may call: `content` = a content script
 * in a tab, `extension` = our popup, options or guide page.
 */
import browser from 'webextension-polyfill';
import kit from 'virtual:kb/detect';
import { handler } from '../common/messaging';
import { articleId, frameReportShape } from '../common/frame-report';
import { integer, object, oneOf, optional } from '../common/shape';
import { showBadge } from './badge';
import { openGuide, openerOf } from './open-guide';
import { revealInTab } from './reveal';
import { scanTab } from './scan-tab';
import { setFrame, tabSummary } from './tab-state';

const tabId = () => integer({ max: 2 ** 31 });
const knownArticle = (id: string) => Object.hasOwn(kit.cards, id);

export const backgroundHandlers = {
  /** A frame's scan results: stored, and the badge updated. */
  reportFrame: handler({
    from: 'content',
    payload: frameReportShape,
    run: async (report, sender) => {
      const known = { ...report, articles: report.articles.filter((a) => knownArticle(a.article)) };
      const summary = await setFrame(sender.tabId!, sender.frameId!, known);
      await showBadge(sender.tabId!, summary);
    },
  }),

  /** "Open full guide" on a card. */
  openArticle: handler({
    from: 'content',
    payload: object({ article: articleId() }),
    run: async ({ article }, sender) => {
      if (!knownArticle(article)) return;
      await openGuide({ article }, await openerOf(sender.tabId));
    },
  }),

  tabSummary: handler({
    from: 'extension',
    payload: object({ tabId: tabId() }),
    run: ({ tabId }) => tabSummary(tabId),
  }),

  scanTab: handler({
    from: 'extension',
    payload: object({ tabId: tabId() }),
    run: ({ tabId }) => scanTab(tabId),
  }),

  reveal: handler({
    from: 'extension',
    payload: object({ tabId: tabId(), article: optional(articleId()), step: oneOf('first', 'next', 'previous') }),
    run: async (request) => {
      const result = await revealInTab(request);
      // Focus goes to the page so the card's buttons are reachable by keyboard.
      if (result.shown) await browser.tabs.update(request.tabId, { active: true }).catch(() => undefined);
      return result;
    },
  }),
};

export type BackgroundHandlers = typeof backgroundHandlers;
