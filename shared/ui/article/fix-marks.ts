/** "Did this fix it?" answers, per article and cause, kept on the device. */
import type { Guard } from '../storage/stored';

export type FixAnswer = 'yes' | 'no';
/** article id → cause index (or "article" for procedures and concepts) → answer. */
export type FixMarks = Record<string, Record<string, FixAnswer>>;

export const MARKS_KEY = 'fix-marks';
export const MARKS_LABEL = '“did this fix it?” marks';

const isAnswer = (v: unknown): v is FixAnswer => v === 'yes' || v === 'no';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isFixMarks: Guard<FixMarks> = (v): v is FixMarks =>
  isObject(v) && Object.values(v).every((m) => isObject(m) && Object.values(m).every(isAnswer));

export function setMark(marks: FixMarks, article: string, part: string, answer: FixAnswer | undefined): FixMarks {
  const forArticle = { ...marks[article] };
  if (answer === undefined || forArticle[part] === answer) delete forArticle[part];
  else forArticle[part] = answer;
  const next = { ...marks };
  if (Object.keys(forArticle).length) next[article] = forArticle;
  else delete next[article];
  return next;
}

export function wasFixed(marks: FixMarks, article: string): boolean {
  return Object.values(marks[article] ?? {}).includes('yes');
}
