import type { ArticlesState } from './use-articles';

/**
 * Stands in for article details on their way. The loading line fades in only after a
 * moment (styles.css), so a load from the service worker's cache shows nothing at all; a
 * failure can only mean this device went offline before it had stored the guide.
 */
export function DetailsPending({ loaded, what }: { loaded: ArticlesState; what: string }) {
  if (loaded.status === 'failed') {
    return (
      <div class="sf-section sf-callout" role="alert">
        <p>
          <strong>{what} could not be loaded.</strong> This device has not stored the whole guide for offline use yet:
          connect once and try again.
        </p>
        <p>
          <button type="button" class="sf-button" onClick={loaded.retry}>
            Try again
          </button>
        </p>
      </div>
    );
  }
  return (
    <p class="sf-loading sf-loading-quiet" role="status">
      Loading {what.toLowerCase()}…
    </p>
  );
}
