import { useEffect, useRef, useState } from 'preact/hooks';
import { registerSW } from 'virtual:pwa-register';

type Offline = 'unknown' | 'ready' | 'just-ready';

/** Check for a new version this often while the app stays open (field techs leave it open for days). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * "Ready to work offline" only once the service worker has installed, which means the whole
 * precache (app and knowledge bundle) is stored; "update available" waits for the user, so
 * this tab keeps running the version it loaded until they choose to reload.
 */
export function PwaStatus() {
  const [offline, setOffline] = useState<Offline>('unknown');
  const [needRefresh, setNeedRefresh] = useState(false);
  const [updating, setUpdating] = useState(false);
  const update = useRef<(reload?: boolean) => Promise<void>>();

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    update.current = registerSW({
      onOfflineReady: () => setOffline('just-ready'),
      onNeedRefresh: () => setNeedRefresh(true),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        if (registration.active) setOffline((o) => (o === 'unknown' ? 'ready' : o));
        setInterval(() => {
          if (navigator.onLine && document.visibilityState === 'visible') void registration.update().catch(() => {});
        }, UPDATE_CHECK_MS);
      },
    });
  }, []);

  useEffect(() => {
    if (offline !== 'just-ready') return;
    // The notice has said its piece once the user does anything else: it must not sit over
    // the content (on a phone it covers the bottom of the page).
    const leave = () => setOffline('ready');
    const events = ['pointerdown', 'keydown', 'scroll', 'hashchange'] as const;
    for (const type of events) window.addEventListener(type, leave, { once: true, passive: true });
    return () => events.forEach((type) => window.removeEventListener(type, leave));
  }, [offline]);

  return (
    <>
      {offline !== 'unknown' && (
        <span class="pwa-offline-pill" title="Every article and tool works without a connection">
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M9.5 16.6 5 12.1l1.4-1.4 3.1 3.1 8.1-8.1L19 7.1z" />
          </svg>
          Offline ready
        </span>
      )}
      <div class="pwa-toasts" role="status" aria-live="polite">
        {needRefresh ? (
          <div class="pwa-toast">
            <p>A new version of SyncFix is available.</p>
            <button
              type="button"
              class="sf-button sf-button-primary"
              disabled={updating}
              onClick={() => {
                setUpdating(true);
                void update.current?.(true);
              }}
            >
              {updating ? 'Reloading…' : 'Reload'}
            </button>
            <button type="button" class="sf-button sf-button-quiet" onClick={() => setNeedRefresh(false)}>
              Later
            </button>
          </div>
        ) : (
          offline === 'just-ready' && (
            <div class="pwa-toast">
              <p>Ready to work offline.</p>
              <button type="button" class="sf-button sf-button-quiet" onClick={() => setOffline('ready')}>
                OK
              </button>
            </div>
          )
        )}
      </div>
    </>
  );
}
