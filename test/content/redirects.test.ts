/**
 * Merged articles keep their old ids working: a bookmark, a saved article or an inline card
 * that names an old id leads to the article that absorbed it, and nothing links to an old id.
 */
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import { toDetectKit } from '../../shared/kb/detect-kit';
import { coreOf } from '../../shared/kb/split';
import { buildKnowledge } from '../../shared/ui/app/knowledge';
import { FLOWS } from '../../shared/ui/diagnosis/flows';
import { parseHash } from '../../shared/ui/router/routes';
import { guideUrl } from '../../extension/common/guide-url';

/** The merges of issue 14, as the plan fixes them (old id → surviving id). */
const MERGES: Record<string, string> = {
  'eas-command-foldersync': 'eas-commands-overview',
  'eas-command-itemoperations': 'eas-commands-overview',
  'eas-command-moveitems': 'eas-commands-overview',
  'eas-command-options': 'eas-commands-overview',
  'eas-command-ping': 'eas-commands-overview',
  'eas-command-provision': 'eas-commands-overview',
  'eas-command-resolverecipients': 'eas-commands-overview',
  'eas-command-settings': 'eas-commands-overview',
  'eas-command-smartreply-smartforward': 'eas-commands-overview',
  'eas-command-sync': 'eas-commands-overview',
  'eas-not-receiving-walkthrough': 'eas-user-not-receiving-email',
  'eas-deletes-reads-moves-walkthrough': 'eas-deletes-reads-moves-not-syncing',
  'notifysync-open-outbox-message': 'notifysync-messages-stuck-in-outbox',
  'eas-battery-drain-mail-delay': 'eas-path-timeout-shorter-than-heartbeat',
  'f5-activesync-timeouts': 'eas-align-path-timeouts',
  'seg-web-listener-timeouts': 'eas-align-path-timeouts',
};

const ids = new Set(kb.articles.map((a) => a.id));
const knowledge = buildKnowledge(coreOf(kb), { detail: () => undefined, load: async () => {} });

describe('merged articles', () => {
  it('lead every old id to the article the plan names, which exists', () => {
    expect(kb.redirects).toMatchObject(MERGES);
    for (const [old, target] of Object.entries(kb.redirects)) {
      expect(ids.has(target), `${old} → ${target}`).toBe(true);
      expect(ids.has(old), `${old} is gone`).toBe(false);
    }
  });

  it('open the successor from an old deep link, in the guide page the extension opens too', () => {
    for (const [old, target] of Object.entries(MERGES)) {
      const route = parseHash(new URL(guideUrl('chrome-extension://x/guide.html', { article: old })).hash);
      expect(route).toEqual({ view: 'article', id: old });
      expect(knowledge.resolve(route.view === 'article' ? route.id : '')).toBe(target);
    }
    expect(knowledge.resolve('bes-it-policy-rejected')).toBe('bes-it-policy-rejected');
    expect(knowledge.resolve('no-such-article')).toBe('no-such-article');
  });

  it('are named nowhere: no article, diagnosis flow or inline card points at an old id', () => {
    const linked = kb.articles.flatMap((a) => [...a.related, ...a.concepts, ...a.procedures, a.html]).join(' ');
    const flows = JSON.stringify(FLOWS);
    const cards = Object.keys(toDetectKit(kb).cards);
    for (const old of Object.keys(MERGES)) {
      expect(linked.includes(`#/a/${old}"`) || linked.split(' ').includes(old), old).toBe(false);
      expect(flows.includes(`"${old}"`), `flows name ${old}`).toBe(false);
      expect(cards, `card for ${old}`).not.toContain(old);
    }
    expect(kb.signatures.every((s) => ids.has(s.article))).toBe(true);
  });
});
