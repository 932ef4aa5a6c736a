/** The known errors found in the current tab, listed before any search: the admin's first question. */
import type { KnowledgeBundle } from '../../../shared/kb/types';
import { PRODUCT_LABELS } from '../../../shared/kb/types';
import type { ArticleCount, TabSummary } from '../../common/frame-report';

interface Props {
  kb: KnowledgeBundle;
  summary: TabSummary;
  onOpen(article: string): void;
  onShow(article: string): void;
}

export function TabErrors({ kb, summary, onOpen, onShow }: Props) {
  const errors = summary.articles.filter((a) => a.kind === 'error');
  const info = summary.articles.filter((a) => a.kind === 'info');
  if (!errors.length && !info.length) return null;
  return (
    <section class="sfx-found" aria-labelledby="sfx-found-title">
      <h2 id="sfx-found-title" class="sfx-section-title">
        On this page
      </h2>
      <FoundList kb={kb} items={errors} onOpen={onOpen} onShow={onShow} />
      {info.length > 0 && (
        <>
          <h3 class="sfx-subtitle">Status messages explained</h3>
          <FoundList kb={kb} items={info} onOpen={onOpen} onShow={onShow} />
        </>
      )}
    </section>
  );
}

function FoundList({
  kb,
  items,
  onOpen,
  onShow,
}: { kb: KnowledgeBundle; items: ArticleCount[] } & Omit<Props, 'kb' | 'summary'>) {
  if (!items.length) return null;
  return (
    <ul class="sfx-found-list">
      {items.map((item) => {
        const article = kb.articles.find((a) => a.id === item.article);
        if (!article) return null;
        return (
          <li key={item.article} class={`sfx-found-item sfx-${item.kind}`} data-article={item.article}>
            <button type="button" class="sfx-found-open" onClick={() => onOpen(item.article)}>
              <span class="sfx-found-title">{article.title}</span>
              <span class="sfx-found-meta">
                <span class={`sf-badge sf-badge-${article.product}`}>{PRODUCT_LABELS[article.product]}</span>
                <span>{item.count === 1 ? 'once' : `${item.count} times`}</span>
              </span>
            </button>
            <button
              type="button"
              class="sfx-found-show"
              onClick={() => onShow(item.article)}
              aria-label={`Show on the page: ${article.title}`}
            >
              Show
            </button>
          </li>
        );
      })}
    </ul>
  );
}
