import type { ChecklistStep, DiagnosisFlow, FlowOption, FlowStep, QuestionStep } from './flow-types';

export function stepOf(flow: DiagnosisFlow, id: string | undefined): FlowStep | undefined {
  return flow.steps.find((s) => s.id === (id ?? flow.start));
}

export interface Crumb {
  step: QuestionStep;
  answer: FlowOption;
}

/** The shortest chain of answers from the start to `target`, for breadcrumbs on a deep link. */
export function pathTo(flow: DiagnosisFlow, target: string): Crumb[] {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const cameFrom = new Map<string, Crumb>();
  const queue = [flow.start];
  const seen = new Set(queue);
  while (queue.length) {
    const id = queue.shift()!;
    if (id === target) break;
    const step = byId.get(id);
    if (step?.kind !== 'question') continue;
    for (const answer of step.options) {
      if (seen.has(answer.next)) continue;
      seen.add(answer.next);
      cameFrom.set(answer.next, { step, answer });
      queue.push(answer.next);
    }
  }
  const crumbs: Crumb[] = [];
  for (let at = cameFrom.get(target); at; at = cameFrom.get(at.step.id)) crumbs.unshift(at);
  return crumbs;
}

/** Every article id the flow names (checklists, concepts, help links). */
export function referencedArticles(flow: DiagnosisFlow): string[] {
  return flow.steps.flatMap((s) =>
    s.kind === 'question' ? (s.help ?? []) : [...s.articles, ...(s.concept ? [s.concept] : [])],
  );
}

export function checklists(flow: DiagnosisFlow): ChecklistStep[] {
  return flow.steps.filter((s): s is ChecklistStep => s.kind === 'checklist');
}
