import { useId } from 'preact/hooks';

/** The last queries that led to an article, to run again with one tap. */
export function RecentSearches(props: { recent: string[]; onPick(query: string): void; onClear(): void }) {
  const id = useId();
  if (!props.recent.length) return null;
  return (
    <section class="sf-recent" aria-labelledby={id}>
      <div class="sf-section-head">
        <h2 id={id}>Recent searches</h2>
        <button type="button" class="sf-link-button" onClick={props.onClear}>
          Clear
        </button>
      </div>
      <ul class="sf-recent-list">
        {props.recent.map((r) => (
          <li key={r}>
            <button type="button" class="sf-chip sf-chip-recent" onClick={() => props.onPick(r)}>
              {r}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
