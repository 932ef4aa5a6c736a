/** What a technician relies on in the knowledge base beyond single facts. */
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../shared/detect/detector';
import { KnowledgeSearch } from '../../shared/search/search';
import type { Product } from '../../shared/kb/types';

const search = new KnowledgeSearch(kb);
const byId = new Map(kb.articles.map((a) => [a.id, a]));
const top = (q: string, n = 3) => search.search(q, { limit: n });

describe('knowledge base', () => {
  it.each([
    ['BES', 'bes'],
    ['BB activation', 'bes'],
    ['EA', 'bes'],
    ['enterprise activaton', 'bes'],
    ['EAS', 'activesync'],
    ['activesynk partnership', 'activesync'],
    ['foldersink', 'activesync'],
    ['AirWatch', 'seg'],
    ['Workspace ONE', 'seg'],
    ['NotifySync', 'notifysync'],
  ] as [string, Product][])('answers "%s" confidently with %s articles', (query, product) => {
    const r = top(query);
    expect(r.confident, query).toBe(true);
    expect(r.results[0]?.product, query).toBe(product);
  });

  it.each(['F5', 'BIG-IP', 'iRule'])('finds the F5 load balancer articles for "%s"', (query) => {
    const r = top(query);
    expect(r.confident).toBe(true);
    expect(r.results.some((x) => /f5|big-?ip|load balancer/i.test(`${x.id} ${x.title}`)), query).toBe(true);
  });

  it('finds device screen wording with or without the trailing dots', () => {
    const withDots = top('Waiting for Services...').results[0]?.id;
    expect(withDots).toBeDefined();
    expect(top('Waiting for Services').results[0]?.id).toBe(withDots);
    expect(top('waiting for services…').results[0]?.id).toBe(withDots);
  });

  it('gives every problem a symptom, where it shows, and causes with a safe first step', () => {
    const problems = kb.articles.filter((a) => a.kind === 'problem');
    expect(problems.length).toBeGreaterThan(30);
    for (const p of problems) {
      expect(p.symptom, p.id).toBeTruthy();
      expect(p.shows.length, `${p.id}: shows`).toBeGreaterThan(0);
      expect(p.causes.length, `${p.id}: causes`).toBeGreaterThan(0);
      for (const c of p.causes) expect(c.fix.length, `${p.id}: ${c.title}`).toBeGreaterThan(0);
      // The next action on the first screen must never be the destructive one.
      expect(p.causes[0]!.fix[0]!.warning, `${p.id}: first step carries a warning`).toBeUndefined();
    }
  });

  it('links every problem to its stage or concept, and BES activation problems to their stage', () => {
    for (const p of kb.articles.filter((a) => a.kind === 'problem')) {
      expect(p.concepts.length, p.id).toBeGreaterThan(0);
      for (const id of [...p.concepts, ...p.procedures, ...p.related]) expect(byId.has(id), `${p.id} → ${id}`).toBe(true);
      if (p.stage) {
        const stageConcepts = p.concepts.map((id) => byId.get(id)!).filter((c) => /stage/i.test(c.id));
        expect(stageConcepts.length, `${p.id} links its stage`).toBeGreaterThan(0);
      }
    }
  });

  it('lets the reader tell apart the two "server is not responding" activation failures by the mailbox', () => {
    const r = top('Activating Retrying The server is not responding', 5).results.map((x) => byId.get(x.id)!);
    const stages = new Set(r.filter((a) => a.kind === 'problem').map((a) => a.stage));
    expect(stages.has('authentication')).toBe(true);
    expect(stages.has('encryption-verification')).toBe(true);
    for (const a of r.filter((x) => x.kind === 'problem' && x.stage)) expect(a.distinguish, a.id).toMatch(/mailbox/i);
  });

  it('matches every signature example and no counterexample with all signatures loaded together', () => {
    const detector = new Detector(kb.signatures);
    for (const sig of kb.signatures) {
      for (const example of sig.examples) {
        const found = detector.find(example).map((f) => f.article);
        expect(found, `${sig.id}: ${example}`).toContain(sig.article);
      }
      for (const line of sig.counterexamples) {
        expect(detector.find(line).map((f) => f.article), `${sig.id} must not match: ${line}`).not.toContain(sig.article);
      }
    }
  });

  it('recognises nothing in ordinary prose about mail', () => {
    const detector = new Detector(kb.signatures);
    const prose = [
      'Please contact your manager if the meeting room is not available.',
      'Access denied to the shared drive; raise a ticket with the service desk.',
      'The server room was cold, so we waited for services to resume after lunch.',
      'Our web server returned 500 pages during the sale; see the nginx log.',
      'Activating the new VPN profile now, thanks!',
      'The request was approved and the laptop was activated yesterday.',
    ].join('\n');
    expect(detector.find(prose)).toEqual([]);
  });
});
