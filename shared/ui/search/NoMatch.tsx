import type { Product } from '../../kb/types';
import { productLabel } from '../article/labels';

export interface NoMatchProps {
  query: string;
  products: Product[];
  onAllProducts(): void;
  /** Results there are, though none is a confident answer. */
  loose: number;
  onShowLoose?(): void;
}

/** What to try next when nothing answers the query with confidence. */
export function NoMatch({ query, products, onAllProducts, loose, onShowLoose }: NoMatchProps) {
  return (
    <div class="sf-no-match">
      <p class="sf-no-match-title">
        No confident match for “<span class="sf-query">{clip(query, 80)}</span>”
        {products.length > 0 && ` in ${products.map(productLabel).join(', ')}`}.
      </p>
      <p>
        Try the exact words on the device screen or in the log, fewer words, or{' '}
        {products.length > 0 ? (
          <button type="button" class="sf-link-button" onClick={onAllProducts}>
            search all products
          </button>
        ) : (
          'paste the whole error message'
        )}
        .
      </p>
      {loose > 0 && onShowLoose && (
        <button type="button" class="sf-button" onClick={onShowLoose}>
          Show {loose} loosely related {loose === 1 ? 'article' : 'articles'}
        </button>
      )}
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
