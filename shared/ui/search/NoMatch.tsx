import type { Product } from '../../kb/types';
import { productLabel } from '../article/labels';

export interface NoMatchProps {
  query: string;
  products: Product[];
  onAllProducts(): void;
  /** The verdict's reason for not being sure (shared/search/verdict.ts). */
  reason: string;
  /** Possible matches shown below. */
  possible: number;
}

/** Said above the possible matches when none is a confident answer: why, and what to try. */
export function NoMatch({ query, products, onAllProducts, reason, possible }: NoMatchProps) {
  return (
    <div class="sf-no-match">
      <p class="sf-no-match-title">
        {possible > 0 ? 'Possible matches' : 'No match'} for “<span class="sf-query">{clip(query, 80)}</span>”
        {products.length > 0 && ` in ${products.map(productLabel).join(', ')}`}
      </p>
      <p class="sf-no-match-reason">Not sure: {reason}</p>
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
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
