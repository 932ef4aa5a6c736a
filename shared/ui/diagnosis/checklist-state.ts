import type { ArticleDetail } from '../../kb/split';
import { isStringArray } from '../storage/stored';

export const checklistKey = (flow: string, step: string) => `checklist:${flow}:${step}`;
export const CHECKLIST_LABEL = 'checklist ticks';
export const isTickList = isStringArray;

/** What a checklist reads of an article. */
export type ChecklistArticle = Pick<ArticleDetail, 'id' | 'causes' | 'steps'>;

export interface ChecklistItem {
  key: string;
  article: ChecklistArticle;
  /** The cause (problem) or step (procedure) index in the article. */
  index: number;
}

/** A problem's causes in the article's order; a procedure's steps. */
export function checklistItems(articles: readonly ChecklistArticle[]): ChecklistItem[] {
  return articles.flatMap((article) =>
    article.causes.length
      ? article.causes.map((_, index) => ({ key: `${article.id}/cause-${index}`, article, index }))
      : article.steps.map((_, index) => ({ key: `${article.id}/step-${index}`, article, index })),
  );
}

export function toggleTick(ticks: readonly string[], key: string): string[] {
  return ticks.includes(key) ? ticks.filter((k) => k !== key) : [...ticks, key];
}
