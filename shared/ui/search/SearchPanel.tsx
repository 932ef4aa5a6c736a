import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Product } from '../../kb/types';
import type { KnowledgeSearch, SearchHit, SearchResponse } from '../../search/search';
import { POSSIBLE_MATCHES } from '../../search/verdict';
import type { KeyValueStore } from '../storage/key-value-store';
import { StorageContext, useStored } from '../storage/use-stored';
import { NoMatch } from './NoMatch';
import { ProductFilters } from './ProductFilters';
import { RECENT_KEY, RECENT_LABEL, addRecent, isRecentList } from './recent-searches';
import { RecentSearches } from './RecentSearches';
import { ResultList } from './ResultList';
import { useSlashFocus } from './use-slash-focus';

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

const EMPTY: SearchResponse = {
  query: '',
  confident: false,
  reason: '',
  inputs: { detection: 'none', answeredWeight: 0, unknownShare: 1, margin: 0, knownWords: 0 },
  results: [],
  findings: [],
};

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
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-opt-${i}`;

  const response = useMemo(
    () =>
      search && query.trim() ? search.search(query, { product: products.length ? products : undefined, limit }) : EMPTY,
    [search, query, products, limit],
  );
  const unsure = query.trim() !== '' && !response.confident;
  // Not sure: still the best three, marked as possible matches, with the reason beside them.
  const shown: SearchHit[] = unsure ? response.results.slice(0, POSSIBLE_MATCHES) : response.results;

  useEffect(() => {
    setActive(0);
  }, [query, products]);
  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  useSlashFocus(input);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setRecent((r) => addRecent(r, query));
    onOpen(hit.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (move && shown.length) {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(a + move, shown.length - 1)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(shown[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else input.current?.blur();
    }
  };

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
          aria-activedescendant={shown.length ? optionId(active) : undefined}
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
      <ProductFilters products={products} onChange={setProducts} />
      <p class="sf-visually-hidden" role="status" aria-live="polite">
        {statusText(search, query, response, shown.length)}
      </p>
      {!query.trim() && (
        <div class="sf-search-empty">
          {leading}
          <RecentSearches recent={recent} onPick={setQuery} onClear={() => setRecent([])} />
        </div>
      )}
      {query.trim() && !search && <p class="sf-note">Loading the knowledge base…</p>}
      {search && unsure && (
        <NoMatch
          query={query}
          products={products}
          onAllProducts={() => setProducts([])}
          reason={response.reason}
          possible={shown.length}
        />
      )}
      <ResultList
        hits={shown}
        listId={listId}
        optionId={optionId}
        active={active}
        onActive={setActive}
        onOpen={open}
        listRef={list}
      />
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
  if (!response.confident)
    return `Not sure. ${response.reason} ${shown} possible ${shown === 1 ? 'match' : 'matches'}.`;
  return `${shown} ${shown === 1 ? 'result' : 'results'}.`;
}
