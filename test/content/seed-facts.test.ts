/**
 * Every fact of the four seed documents is in the knowledge base, verbatim, and searching
 * for it ranks the right article in the top three.
 */
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import { KnowledgeSearch } from '../../shared/search/search';
import type { Article } from '../../shared/kb/types';
import { besFacts } from './seed-facts.bes';
import { easFacts } from './seed-facts.eas';

const search = new KnowledgeSearch(kb);
const byId = new Map(kb.articles.map((a) => [a.id, a]));

const signaturesOf = (id: string) => kb.signatures.filter((s) => s.article === id).map((s) => s.text);

/** Everything the knowledge holds for an article, as plain text. */
function readable(a: Article): string {
  return [
    a.title,
    ...a.aliases,
    ...signaturesOf(a.id),
    a.summary,
    a.symptom ?? '',
    a.distinguish ?? '',
    a.retry?.note ?? '',
    a.text,
    ...a.kb,
    ...a.causes.flatMap((c) => [c.title, c.check ?? '', ...c.kb, ...c.fix.flatMap((s) => [s.text, s.command ?? '', s.warning ?? ''])]),
    ...a.steps.flatMap((s) => [s.text, s.command ?? '', s.warning ?? '']),
  ].join('\n');
}

const facts = [...besFacts, ...easFacts];

describe('seed facts', () => {
  it('cover all four seeds', () => {
    expect(besFacts.length).toBeGreaterThan(40);
    expect(easFacts.length).toBeGreaterThan(40);
  });

  it.each(facts.map((f) => [f.fact, f] as const))('keeps %s verbatim and finds it', (_, fact) => {
    const article = byId.get(fact.article);
    expect(article, `article ${fact.article}`).toBeDefined();
    expect(readable(article!), `"${fact.fact}" in ${fact.article}`).toContain(fact.fact);
    const top3 = search.search(fact.query ?? fact.fact, { limit: 3 }).results.map((r) => r.id);
    expect(top3, `search "${fact.query ?? fact.fact}"`).toContain(fact.article);
  });
});
