import { useContext, useEffect } from 'preact/hooks';
import type { ArticleHeader, ShownArticle } from '../../kb/split';
import type { Cause, Source } from '../../kb/types';
import { DeviceDataContext } from '../app/device-data';
import type { Knowledge } from '../app/knowledge';
import { reveal } from '../app/reveal';
import { DetailsPending } from '../app/DetailsPending';
import { PageHeading } from '../app/PageHeading';
import { useArticles } from '../app/use-articles';
import { articleHref } from '../router/routes';
import { FixQuestion } from './FixQuestion';
import { KIND_LABELS, PLACE_LABELS, RETRY_LABELS, STAGE_LABELS, productLabel } from './labels';
import { StepList } from './StepList';
import { CheckLine } from './CheckLine';
import { compiledHtml } from './compiled-html';

const BODY_LABELS = { problem: 'Why it happens', procedure: 'About this procedure', concept: 'About' } as const;

export function ArticleView({ knowledge, id, mergedFrom }: { knowledge: Knowledge; id: string; mergedFrom?: string }) {
  // Headers are in memory with the guide, so an unknown id is known at once, never after a load.
  const header = knowledge.headers.get(id);
  useEffect(() => {
    // The address bar shows the article's own address, so a new bookmark is not an old one.
    if (header && mergedFrom) history.replaceState(history.state, '', articleHref(id));
  }, [header, id, mergedFrom]);
  return header ? (
    <ArticlePage knowledge={knowledge} header={header} mergedFrom={mergedFrom} />
  ) : (
    <MissingArticle id={id} />
  );
}

/**
 * The header paints at once (it is all in the search records); the causes, steps and body
 * follow when their shard has loaded, in the PWA's case from the service worker's cache.
 */
function ArticlePage({
  knowledge,
  header,
  mergedFrom,
}: {
  knowledge: Knowledge;
  header: ArticleHeader;
  mergedFrom?: string;
}) {
  const { saved, toggleSaved } = useContext(DeviceDataContext);
  const loaded = useArticles(knowledge, [header.id]);
  const article = loaded.articles[0];
  const isSaved = saved.includes(header.id);

  return (
    <article class="sf-article" aria-busy={loaded.status === 'loading' || undefined}>
      <header class="sf-article-head">
        <p class="sf-eyebrow">
          <span class={`sf-badge sf-badge-${header.product}`}>{productLabel(header.product)}</span>
          <span>{KIND_LABELS[header.kind]}</span>
          {article?.stage && <span class="sf-stage">{STAGE_LABELS[article.stage]}</span>}
        </p>
        <PageHeading>{header.title}</PageHeading>
        {mergedFrom && (
          <p class="sf-merged" role="status">
            The article you opened, <code>{mergedFrom}</code>, is now part of this one.
          </p>
        )}
        <p class="sf-summary">{header.summary}</p>
        <div class="sf-actions">
          <button type="button" class="sf-button sf-save" aria-pressed={isSaved} onClick={() => toggleSaved(header.id)}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4-7 4V4a1 1 0 0 1 1-1z" />
            </svg>
            {isSaved ? 'Saved on this device' : 'Save for later'}
          </button>
          {article && article.causes.length > 1 && (
            <button type="button" class="sf-button sf-button-quiet" onClick={() => reveal('sf-causes')}>
              Go to the {article.causes.length} causes
            </button>
          )}
        </div>
      </header>
      {article ? (
        <ArticleDetails knowledge={knowledge} article={article} />
      ) : (
        <DetailsPending loaded={loaded} what="The rest of this article" />
      )}
    </article>
  );
}

function ArticleDetails({ knowledge, article }: { knowledge: Knowledge; article: ShownArticle }) {
  const signatures = knowledge.signaturesOf(article.id);
  // A concept is its body; a problem or procedure leads with what to do, then explains why.
  const bodyFirst = article.kind === 'concept';
  const body = article.html && (
    <section class="sf-section sf-body" aria-label={BODY_LABELS[article.kind]}>
      {!bodyFirst && <h2>{BODY_LABELS[article.kind]}</h2>}
      <div>{compiledHtml(article.html)}</div>
    </section>
  );

  return (
    <>
      {article.symptom && (
        <section class="sf-section sf-symptom" aria-labelledby="sf-what-you-see">
          <h2 id="sf-what-you-see">What you see</h2>
          <p>{article.symptom}</p>
          {article.shows.length > 0 && (
            <p class="sf-shows">
              <span>Shows on:</span>
              {article.shows.map((p) => (
                <span key={p} class="sf-tag">
                  {PLACE_LABELS[p]}
                </span>
              ))}
            </p>
          )}
          {signatures.length > 0 && (
            <div class="sf-signatures">
              <span>Exact {signatures.length === 1 ? 'message' : 'messages'}:</span>
              <ul>
                {signatures.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {article.retry && (
        <p class={`sf-callout sf-retry-${article.retry.verdict}`}>
          <strong>{RETRY_LABELS[article.retry.verdict]}.</strong> {article.retry.note}
        </p>
      )}
      {article.distinguish && (
        <p class="sf-callout">
          <strong>Not to be confused with:</strong> {article.distinguish}
        </p>
      )}

      {bodyFirst && body}

      {article.causes.length > 0 && (
        <section class="sf-section" aria-labelledby="sf-causes">
          <h2 id="sf-causes">Causes, in the order to check</h2>
          <ol class="sf-causes">
            {article.causes.map((cause, i) => (
              <CauseCard key={i} article={article} cause={cause} index={i} />
            ))}
          </ol>
        </section>
      )}

      {article.steps.length > 0 && (
        <section class="sf-section" aria-labelledby="sf-steps">
          <h2 id="sf-steps">Steps</h2>
          <StepList steps={article.steps} />
          <FixQuestion article={article.id} part="steps" label="these steps" />
        </section>
      )}

      {!bodyFirst && body}

      <ArticleLinks knowledge={knowledge} article={article} />
      <ArticleSources sources={article.sources} />
    </>
  );
}

function CauseCard({ article, cause, index }: { article: ShownArticle; cause: Cause; index: number }) {
  return (
    <li class="sf-cause">
      <h3>
        <span class="sf-cause-n" aria-hidden="true">
          {index + 1}
        </span>
        <span>
          <span class="sf-visually-hidden">Cause {index + 1}: </span>
          {cause.title}
        </span>
      </h3>
      <CheckLine cause={cause} />
      <StepList steps={cause.fix} />
      {cause.kb.length > 0 && <KbRefs refs={cause.kb} />}
      <FixQuestion article={article.id} part={String(index)} label={`cause ${index + 1}`} />
    </li>
  );
}

function KbRefs({ refs }: { refs: readonly string[] }) {
  return (
    <p class="sf-kb">
      <span>KB {refs.length === 1 ? 'reference' : 'references'}:</span>
      {refs.map((r) => (
        <code key={r} class="sf-kb-ref">
          {r}
        </code>
      ))}
    </p>
  );
}

function ArticleLinks({ knowledge, article }: { knowledge: Knowledge; article: ShownArticle }) {
  const groups: [string, string[]][] = [
    [article.stage ? 'Stage and concepts' : 'Belongs to', article.concepts],
    ['Procedures it uses', article.procedures],
    ['Related', article.related.filter((id) => !article.concepts.includes(id) && !article.procedures.includes(id))],
  ];
  const visible = groups.filter(([, ids]) => ids.some((id) => knowledge.headers.has(id)));
  if (!visible.length && !article.kb.length) return null;
  return (
    <footer class="sf-section sf-article-links">
      {article.kb.length > 0 && (
        <div>
          <h2>KB references</h2>
          <KbRefs refs={article.kb} />
        </div>
      )}
      {visible.map(([title, ids]) => (
        <nav key={title} aria-label={title}>
          <h2>{title}</h2>
          <ul class="sf-link-list">
            {ids.map((id) => {
              const linked = knowledge.headers.get(id);
              return (
                linked && (
                  <li key={id}>
                    <a href={articleHref(id)}>
                      <span>{linked.title}</span>
                      <span class="sf-link-meta">
                        {productLabel(linked.product)} · {KIND_LABELS[linked.kind]}
                      </span>
                    </a>
                  </li>
                )
              );
            })}
          </ul>
        </nav>
      ))}
    </footer>
  );
}

/** Where the article's facts come from: the source documents and public pages it was checked against. */
function ArticleSources({ sources }: { sources: readonly Source[] }) {
  if (!sources.length) return null;
  return (
    <section class="sf-section sf-sources" aria-labelledby="sf-sources">
      <h2 id="sf-sources">Sources</h2>
      <ul>
        {sources.map((s, i) => (
          <li key={i}>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.title}
              </a>
            ) : (
              <span>{s.title}</span>
            )}
            {s.section && <span class="sf-source-section"> · {s.section}</span>}
            {s.url ? (
              <span class="sf-source-where">{hostOf(s.url)}</span>
            ) : (
              s.seed && <span class="sf-source-where">{s.seed}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function MissingArticle({ id }: { id: string }) {
  return (
    <section class="sf-page">
      <PageHeading>No article “{id}”</PageHeading>
      <p>It may have been renamed in a newer version of the guide. Search for the words you remember instead.</p>
      <p>
        <a class="sf-button" href="#/">
          Search the guide
        </a>
      </p>
    </section>
  );
}
