import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../compiler/compile';
import { readContent } from '../compiler/read-content';
import { KnowledgeSearch } from './search';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { bundle } = compileContent(readContent(`${root}/test/fixtures/content-mini`, `${root}/test/fixtures`));
if (!bundle) throw new Error('mini content must compile');
const engine = new KnowledgeSearch(bundle);
const ids = (q: string, options = {}) => engine.search(q, options).results.map((r) => r.id);

describe('search', () => {
  it('finds an article by words of its title', () => {
    expect(ids('partnership access denied')[0]).toBe('mini-access-denied');
  });

  it('tolerates typos', () => {
    expect(ids('partnrship')).toContain('mini-partnerships');
    expect(ids('wipe handhled')[0]).toBe('mini-it-policy-rejected');
  });

  it('finds words deep in bodies and fix steps', () => {
    expect(ids('directory object')[0]).toBe('mini-access-denied');
  });

  it('finds commands users paste', () => {
    expect(ids('Set-ActiveSyncMailboxPolicy -DevicePolicyRefreshInterval unlimited')[0]).toBe('mini-access-denied');
  });

  it('filters by product', () => {
    const all = ids('partnership');
    expect(all).toContain('mini-access-denied');
    expect(ids('partnership', { product: 'bes' })).not.toContain('mini-access-denied');
    for (const r of engine.search('the', { product: 'notifysync' }).results) expect(r.product).toBe('notifysync');
  });

  it('returns highlight ranges on the words that matched', () => {
    const [hit] = engine.search('wipe handheld').results;
    expect(hit?.id).toBe('mini-it-policy-rejected');
    const marked = hit!.titleRanges.map(([s, e]) => hit!.title.slice(s, e).toLowerCase());
    expect(marked).toEqual(['wipe', 'handheld']);
    for (const [s, e] of hit!.snippetRanges)
      expect(['wipe', 'handheld']).toContain(hit!.snippet.slice(s, e).toLowerCase());
  });

  it('sends a pasted device message or log line to its article first', () => {
    const pasted = engine.search('  StatusException: Conflict matching the client and server object  ');
    expect(pasted.results[0]?.id).toBe('mini-resend');
    expect(pasted.results[0]?.via).toBe('signature');
    expect(pasted.confident).toBe(true);
    const log = engine.search(
      '2017-09-30 15:30:31 10.1.1.5 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Ping&User=jo 443 jo 10.2.2.2 Apple-iPhone - 500 0 64 15',
    );
    expect(log.results[0]?.id).toBe('mini-access-denied');
  });

  it('says when nothing answers the question', () => {
    for (const q of ['printer out of toner', 'Lotus Notes replication conflict', 'gmail imap 535 authentication']) {
      expect(engine.search(q).confident, q).toBe(false);
    }
    expect(engine.search('wipe handheld').confident).toBe(true);
  });

  it('handles hostile queries without throwing', () => {
    const hostile = [
      'a'.repeat(10_000),
      'x'.repeat(100_000),
      '.*+?^${}()|[]\\/',
      '\u202eDeniedAccess\u202c \u2066rtl\u2069',
      'e\u0301\u0301\u0301\u0301 wi\u0308pe',
      '\u0000\u0001\u0002',
      '💥'.repeat(500),
      '',
      '   ',
    ];
    for (const q of hostile) {
      const r = engine.search(q);
      expect(Array.isArray(r.results)).toBe(true);
      expect(r.query.length).toBeLessThanOrEqual(10_000);
    }
    expect(ids('wïpe handheld')[0]).toBe('mini-it-policy-rejected');
  });
});
