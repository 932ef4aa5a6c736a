import kb from 'virtual:kb';
import { parts } from 'virtual:kb/split';
import { describe, expect, it } from 'vitest';
import { joinParts } from '../../kb/split';
import type { KnowledgeCore } from '../../kb/split';
import { checklistItems } from './checklist-state';
import { checklists, pathTo, referencedArticles } from './flow-graph';
import { FLOWS } from './flows';

const articles = new Map(kb.articles.map((a) => [a.id, a]));
/** The PWA's views look flow articles up among the headers of its core, not in the full bundle. */
const core = joinParts(await Promise.all(parts.map(async (load) => (await load()).default))) as KnowledgeCore;
const headers = new Set(core.search.docs.map((d) => d.id));

describe.each(FLOWS.map((f) => [f.id, f] as const))('diagnosis flow %s', (_id, flow) => {
  it('names only articles that exist in the compiled knowledge bundle and in the PWA’s core', () => {
    expect(referencedArticles(flow).filter((id) => !articles.has(id))).toEqual([]);
    expect(referencedArticles(flow).filter((id) => !headers.has(id))).toEqual([]);
  });

  it('has unique step ids and every answer leads to a step', () => {
    const ids = flow.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(flow.start);
    const targets = flow.steps.flatMap((s) => (s.kind === 'question' ? s.options.map((o) => o.next) : []));
    expect(targets.filter((t) => !ids.includes(t))).toEqual([]);
  });

  it('reaches every step from the start, so every deep link has breadcrumbs', () => {
    for (const step of flow.steps) {
      if (step.id !== flow.start) expect(pathTo(flow, step.id).length, step.id).toBeGreaterThan(0);
    }
  });

  it('ends every path in a checklist with something to check', () => {
    for (const step of checklists(flow)) {
      const items = checklistItems(step.articles.map((id) => articles.get(id)!));
      expect(items.length, step.id).toBeGreaterThan(0);
    }
  });

  it('puts each checklist in the same activation stage as its articles', () => {
    for (const step of checklists(flow)) {
      for (const id of step.articles) {
        const stage = articles.get(id)?.stage;
        if (stage && step.stage) expect(step.stage, `${step.id} → ${id}`).toBe(stage);
      }
    }
  });
});
