import { useMemo } from 'preact/hooks';
import type { Finding } from '../../detect/detector';
import type { Knowledge } from '../app/knowledge';
import { useArticles } from '../app/use-articles';
import { reveal } from '../app/reveal';
import { productLabel } from '../article/labels';
import { articleHref } from '../router/routes';
import type { ErrorGroup } from './excerpt';
import { lineOf, lineStarts } from './excerpt';
import { compiledHtml } from '../article/compiled-html';

const FIRST_STEPS = 3;

/**
 * One card per recognised error: what it is, the likeliest cause and its first fix steps.
 * The cause and steps join the card once the article's details are in memory.
 */
export function FixCards(props: { groups: ErrorGroup[]; findings: Finding[]; knowledge: Knowledge; text: string }) {
  const { groups, findings, knowledge, text } = props;
  const starts = useMemo(() => lineStarts(text), [text]);
  const { articles } = useArticles(
    knowledge,
    groups.map((g) => g.article),
  );
  return (
    <section class="sf-section" aria-labelledby="sf-known-errors">
      <h2 id="sf-known-errors">Known errors</h2>
      <ol class="sf-fix-cards">
        {groups.map((g, n) => {
          const article = knowledge.headers.get(g.article);
          const first = findings[g.findings[0]!]!;
          if (!article) return null;
          const details = articles[n];
          const cause = details?.causes[0];
          const steps = (cause?.fix ?? details?.steps ?? []).slice(0, FIRST_STEPS);
          return (
            <li key={g.article} id={`sf-fix-${n + 1}`} class="sf-fix-card" tabIndex={-1}>
              <h3>
                <span class="sf-mark-n" aria-hidden="true">
                  {n + 1}
                </span>
                <a href={articleHref(article.id)}>{article.title}</a>
              </h3>
              <p class="sf-fix-meta">
                <span class={`sf-badge sf-badge-${article.product}`}>{productLabel(article.product)}</span>
                <span>
                  Seen {g.findings.length === 1 ? 'once' : `${g.findings.length} times`}, first on line{' '}
                  {(lineOf(starts, first.start) + 1).toLocaleString('en')}
                </span>
                <button type="button" class="sf-link-button" onClick={() => reveal(`sf-mark-${g.findings[0]}`)}>
                  Show in the text
                </button>
              </p>
              {cause && (
                <p class="sf-fix-cause">
                  <strong>Most likely:</strong> {cause.title}
                </p>
              )}
              {steps.length > 0 && (
                <ol class="sf-steps sf-steps-compact">
                  {steps.map((s, i) => (
                    <li key={i}>{compiledHtml(s.html)}</li>
                  ))}
                </ol>
              )}
              <a class="sf-button" href={articleHref(article.id)}>
                All causes and fixes
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
