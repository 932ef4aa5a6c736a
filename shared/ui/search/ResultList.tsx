import type { Ref } from 'preact';
import type { SearchHit } from '../../search/search';
import { KIND_LABELS, productLabel } from '../article/labels';
import { Highlighted } from './Highlighted';

export interface ResultListProps {
  hits: SearchHit[];
  /** Ids of the list and its options, for the combobox's aria attributes. */
  listId: string;
  optionId(index: number): string;
  active: number;
  onActive(index: number): void;
  onOpen(hit: SearchHit): void;
  listRef: Ref<HTMLUListElement>;
}

/** The results as a listbox the search box drives (arrow keys, Enter) or a tap opens. */
export function ResultList({ hits, listId, optionId, active, onActive, onOpen, listRef }: ResultListProps) {
  if (!hits.length) return null;
  return (
    <ul ref={listRef} id={listId} role="listbox" aria-label="Results" class="sf-results">
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          class="sf-result"
          onClick={() => onOpen(hit)}
          onMouseMove={() => i !== active && onActive(i)}
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
  );
}
