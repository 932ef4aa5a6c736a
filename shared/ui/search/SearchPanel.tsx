import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { PRODUCTS } from '../../kb/types';
import type { Product } from '../../kb/types';
import type { KnowledgeSearch, SearchHit, SearchResponse } from '../../search/search';
import { KIND_LABELS, productLabel } from '../article/labels';
import type { KeyValueStore } from '../storage/key-value-store';
import { StorageContext, useStored } from '../storage/use-stored';
import { Highlighted } from './Highlighted';
import { RECENT_KEY, RECENT_LABEL, addRecent, isRecentList } from './recent-searches';

export interface SearchPanelProps {
  /** The engine; `undefined` while the knowledge is still loading (typing is kept). */
  search: KnowledgeSearch | undefined;
  /** A result was chosen (click, tap or Enter). */
  onOpen(id: string): void;
  autoFocus?: boolean;
  /** Shown under the box while it is empty (entry points); recent searches follow it. */
  leading?: ComponentChildren;
  /** Controlled query and filters (the App keeps them in the URL); uncontrolled when absent. */
  query?: string;
  onQueryChange?(query: string): void;
  products?: Product[];
  onProductsChange?(products: Product[]): void;
  /** Where recent searches are kept; defaults to the surrounding App's storage (or memory). */
  storage?: KeyValueStore;
  limit?: number;
}

export function SearchPanel(props: SearchPanelProps) {
  if (!props.storage) return <SearchBox {...props} />;
  return (
    <StorageContext.Provider value={{ store: props.storage, report: () => {} }}>
      <SearchBox {...props} />
    </StorageContext.Provider>
  );
}

const EMPTY: SearchResponse = { query: '', confident: false, results: [], findings: [] };

function SearchBox(props: SearchPanelProps) {
  const { search, onOpen, autoFocus, leading, limit = 20 } = props;
  const [ownQuery, setOwnQuery] = useState('');
  const [ownProducts, setOwnProducts] = useState<Product[]>([]);
  const query = props.query ?? ownQuery;
  const products = props.products ?? ownProducts;
  const setQuery = (q: string) => (props.onQueryChange ? props.onQueryChange(q) : setOwnQuery(q));
  const setProducts = (p: Product[]) => (props.onProductsChange ? props.onProductsChange(p) : setOwnProducts(p));

  const [recent, setRecent] = useStored(RECENT_KEY, isRecentList, [], RECENT_LABEL);
  const [active, setActive] = useState(0);
  const [showLoose, setShowLoose] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const ids = useId();
  const listId = `${ids}-results`;

  const response = useMemo(
    () =>
      search && query.trim() ? search.search(query, { product: products.length ? products : undefined, limit }) : EMPTY,
    [search, query, products, limit],
  );
  const loose = query.trim() !== '' && !response.confident;
  const shown: SearchHit[] = loose && !showLoose ? [] : response.results;

  useEffect(() => {
    setActive(0);
    setShowLoose(false);
  }, [query, products]);

  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  // `/` focuses the box from anywhere, as on GitHub and MDN, unless the user is typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setRecent((r) => addRecent(r, query));
    onOpen(hit.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && shown.length) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp' && shown.length) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(shown[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else input.current?.blur();
    }
  };

  const toggle = (p: Product) =>
    setProducts(
      products.includes(p) ? products.filter((x) => x !== p) : PRODUCTS.filter((x) => x === p || products.includes(x)),
    );

  return (
    <div class="sf-search">
      <div class="sf-search-box">
        <svg class="sf-search-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z" />
        </svg>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label="Search the field guide"
          aria-autocomplete="list"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-activedescendant={shown.length ? `${ids}-opt-${active}` : undefined}
          placeholder="Symptom or error message"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterKeyHint="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <kbd class="sf-key-hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <div class="sf-filters" role="group" aria-label="Filter by product">
        {PRODUCTS.map((p) => (
          <button key={p} type="button" class="sf-chip" aria-pressed={products.includes(p)} onClick={() => toggle(p)}>
            {productLabel(p)}
          </button>
        ))}
      </div>
      <p class="sf-visually-hidden" role="status" aria-live="polite">
        {statusText(search, query, response, shown.length)}
      </p>
      {!query.trim() && (
        <div class="sf-search-empty">
          {leading}
          {recent.length > 0 && (
            <section class="sf-recent" aria-labelledby={`${ids}-recent`}>
              <div class="sf-section-head">
                <h2 id={`${ids}-recent`}>Recent searches</h2>
                <button type="button" class="sf-link-button" onClick={() => setRecent([])}>
                  Clear
                </button>
              </div>
              <ul class="sf-recent-list">
                {recent.map((r) => (
                  <li key={r}>
                    <button type="button" class="sf-chip sf-chip-recent" onClick={() => setQuery(r)}>
                      {r}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      {query.trim() && !search && <p class="sf-note">Loading the knowledge base…</p>}
      {search && loose && (
        <div class="sf-no-match">
          <p class="sf-no-match-title">
            No confident match for “<span class="sf-query">{clip(query, 80)}</span>”
            {products.length > 0 && ` in ${products.map(productLabel).join(', ')}`}.
          </p>
          <p>
            Try the exact words on the device screen or in the log, fewer words, or{' '}
            {products.length > 0 ? (
              <button type="button" class="sf-link-button" onClick={() => setProducts([])}>
                search all products
              </button>
            ) : (
              'paste the whole error message'
            )}
            .
          </p>
          {response.results.length > 0 && !showLoose && (
            <button type="button" class="sf-button" onClick={() => setShowLoose(true)}>
              Show {response.results.length} loosely related {response.results.length === 1 ? 'article' : 'articles'}
            </button>
          )}
        </div>
      )}
      {shown.length > 0 && (
        <ul ref={list} id={listId} role="listbox" aria-label="Results" class="sf-results">
          {shown.map((hit, i) => (
            <li
              key={hit.id}
              id={`${ids}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              class="sf-result"
              onClick={() => open(hit)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <span class="sf-result-title">
                <Highlighted text={hit.title} ranges={hit.titleRanges} />
              </span>
              {hit.snippet && (
                <span class="sf-result-snippet">
                  <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
                </span>
              )}
              <span class="sf-result-meta">
                <span class={`sf-badge sf-badge-${hit.product}`}>{productLabel(hit.product)}</span>
                <span>{KIND_LABELS[hit.kind]}</span>
                {hit.via === 'signature' && <span class="sf-badge sf-badge-known">Known error</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function statusText(
  search: KnowledgeSearch | undefined,
  query: string,
  response: SearchResponse,
  shown: number,
): string {
  if (!query.trim() || !search) return '';
  if (!response.confident) return 'No confident match.';
  return `${shown} ${shown === 1 ? 'result' : 'results'}.`;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
