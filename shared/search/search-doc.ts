import { PLACEHOLDER_PATTERN } from '../detect/placeholders';
import type { Article, SearchDoc, Signature } from '../kb/types';
import { codeKey } from './codes';

/** The short, searchable record of an article (see FUSE_KEYS for why bodies stay out). */
export function toSearchDoc(article: Article, signatures: readonly Signature[]): SearchDoc {
  const keywords = [
    ...article.tags,
    ...article.kb,
    ...article.causes.flatMap((c) => [c.title, ...c.kb, ...c.fix.flatMap((s) => (s.command ? [s.command] : []))]),
    ...article.steps.flatMap((s) => (s.command ? [s.command] : [])),
    article.stage ?? '',
  ].filter(Boolean);
  return {
    id: article.id,
    title: article.title,
    product: article.product,
    kind: article.kind,
    aliases: article.aliases,
    signatures: signatures.map((s) => s.text.replace(PLACEHOLDER_PATTERN, ' ').trim()),
    symptom: article.symptom ?? '',
    summary: article.summary,
    keywords: [...new Set(keywords)].join(' · '),
    codes: [...new Set(article.codes.map(codeKey))],
  };
}

/** Every word an article holds, for coverage checks that fuzzy keys would miss. */
export function articleWords(article: Article): string {
  return [
    article.text,
    article.distinguish ?? '',
    article.retry?.note ?? '',
    ...article.causes.flatMap((c) => [c.check ?? '', ...c.fix.map((s) => s.text)]),
    ...article.steps.map((s) => s.text),
  ].join(' ');
}
