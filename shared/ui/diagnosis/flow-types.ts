import type { Product, Stage } from '../../kb/types';

export interface FlowOption {
  label: string;
  /** A line under the label: where to look, what it means. */
  detail?: string;
  /** The stage this answer points to, shown so the user sees the narrowing. */
  stage?: Stage;
  next: string;
}

export interface QuestionStep {
  kind: 'question';
  id: string;
  question: string;
  /** How to find the answer. */
  hint?: string;
  /** Articles that help answer (how to trace the activation email, where logs are). */
  help?: string[];
  options: FlowOption[];
}

/** The causes (problem articles) or steps (procedures) of these articles, to tick off in order. */
export interface ChecklistStep {
  kind: 'checklist';
  id: string;
  title: string;
  summary: string;
  stage?: Stage;
  /** The stage or concept article this narrows to. */
  concept?: string;
  articles: string[];
}

export type FlowStep = QuestionStep | ChecklistStep;

export interface DiagnosisFlow {
  id: string;
  title: string;
  product: Product;
  summary: string;
  start: string;
  steps: FlowStep[];
}
