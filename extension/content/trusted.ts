/**
 * The one way the content script listens to the page: every event target it listens on
 * (window, document, our host) is reachable by page script, which can dispatch any event
 * there. Only events the browser made for the user (`isTrusted`) reach our handlers; lint
 * forbids `addEventListener` anywhere else in content/.
 */
type Listener<E extends Event> = (event: E) => void;

export function onTrusted<K extends keyof WindowEventMap>(
  target: Window,
  type: K,
  listener: Listener<WindowEventMap[K]>,
  options?: AddEventListenerOptions,
): void;
export function onTrusted<K extends keyof DocumentEventMap>(
  target: Document,
  type: K,
  listener: Listener<DocumentEventMap[K]>,
  options?: AddEventListenerOptions,
): void;
export function onTrusted<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  listener: Listener<HTMLElementEventMap[K]>,
  options?: AddEventListenerOptions,
): void;
export function onTrusted(
  target: EventTarget,
  type: string,
  listener: Listener<Event>,
  options?: AddEventListenerOptions,
): void {
  // eslint-disable-next-line no-restricted-syntax -- the one allowed use
  target.addEventListener(type, (event) => event.isTrusted && listener(event), options);
}

/** Runs `run` once when `signal` aborts (AbortSignal is ours, not the page's). */
export function onAbort(signal: AbortSignal, run: () => void): void {
  // eslint-disable-next-line no-restricted-syntax -- our own AbortSignal, unreachable by the page
  signal.addEventListener('abort', run, { once: true });
}
