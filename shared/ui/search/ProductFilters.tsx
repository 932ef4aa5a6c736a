import { PRODUCTS } from '../../kb/types';
import type { Product } from '../../kb/types';
import { productLabel } from '../article/labels';

/** One chip per product; none pressed means every product. */
export function ProductFilters({ products, onChange }: { products: Product[]; onChange(products: Product[]): void }) {
  const toggle = (p: Product) =>
    onChange(
      products.includes(p) ? products.filter((x) => x !== p) : PRODUCTS.filter((x) => x === p || products.includes(x)),
    );
  return (
    <div class="sf-filters" role="group" aria-label="Filter by product">
      {PRODUCTS.map((p) => (
        <button key={p} type="button" class="sf-chip" aria-pressed={products.includes(p)} onClick={() => toggle(p)}>
          {productLabel(p)}
        </button>
      ))}
    </div>
  );
}
