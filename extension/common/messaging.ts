/**
 * Messages between the extension's contexts, refined-github style: each context exposes a
 * map of named handlers, and the message and response types are derived from that map, so
 * a caller cannot send a payload the handler does not take. On receipt every message is
 * checked before any handler runs:
 *   - the sender is this extension (`sender.id === runtime.id`);
 *   - the sender plays the role the handler expects: `content` = a content script in a tab
 *     (never one of our own pages), `extension` = our background or one of our pages;
 *   - the payload fits the handler's shape (unknown fields refused).
 * A web page cannot reach these listeners at all (no `externally_connectable`); the
 * checks make sure that stays true if that ever changes, and that a compromised renderer
 * cannot call page-only handlers with a content script's identity.
 */
import type { Infer, Shape } from './shape';

export type SenderRole = 'content' | 'extension';

/** The parts of `runtime.MessageSender` we rely on (same in Chrome and Firefox). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface Handler<P, R> {
  from: SenderRole;
  payload: Shape<P>;
  run(payload: P, sender: CheckedSender): R | Promise<R>;
}

/** A sender that passed the checks; `tabId`/`frameId` are set for content senders. */
export interface CheckedSender {
  role: SenderRole;
  tabId?: number;
  frameId?: number;
  url?: string;
}

interface AnyHandler {
  from: SenderRole;
  payload: Shape<unknown>;
  run(payload: never, sender: CheckedSender): unknown;
}
export type HandlerMap = Record<string, AnyHandler>;

export type MessageType<H extends HandlerMap> = keyof H & string;
export type PayloadOf<H extends HandlerMap, K extends MessageType<H>> = Infer<H[K]['payload']>;
export type ResponseOf<H extends HandlerMap, K extends MessageType<H>> = Awaited<ReturnType<H[K]['run']>>;
export type MessageOf<H extends HandlerMap> = {
  [K in MessageType<H>]: { type: K; payload: PayloadOf<H, K> };
}[MessageType<H>];

/** Identity helper so `run` gets its payload type from the shape. */
export function handler<P, R>(definition: Handler<P, R>): Handler<P, R> {
  return definition;
}

export interface Identity {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('')`: the origin of our own pages, with a trailing slash. */
  baseUrl: string;
}

export function roleOf(sender: MessageSender, self: Identity): SenderRole | undefined {
  if (sender.id !== self.id) return undefined;
  const ours = typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl);
  if (ours) return 'extension';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && sender.frameId !== undefined) return 'content';
  return undefined;
}

export type Rejection = 'sender' | 'unknown-type' | 'role' | 'payload';

/**
 * Finds the handler for a received message and checks it; returns the call to make, or why
 * the message was refused. Pure, so the checks are unit tested without a browser.
 */
export function accept<H extends HandlerMap>(
  handlers: H,
  message: unknown,
  sender: MessageSender,
  self: Identity,
): { ok: true; call: () => unknown } | { ok: false; reason: Rejection } {
  const role = roleOf(sender, self);
  if (!role) return { ok: false, reason: 'sender' };
  if (typeof message !== 'object' || message === null) return { ok: false, reason: 'unknown-type' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return { ok: false, reason: 'unknown-type' };
  const entry = handlers[type]!;
  if (entry.from !== role) return { ok: false, reason: 'role' };
  if (!entry.payload.check(payload)) return { ok: false, reason: 'payload' };
  const checked: CheckedSender = {
    role,
    ...(role === 'content' && { tabId: sender.tab!.id!, frameId: sender.frameId! }),
    ...(sender.url !== undefined && { url: sender.url }),
  };
  return { ok: true, call: () => entry.run(payload as never, checked) };
}

/**
 * A `runtime.onMessage` listener for a handler map. Refused messages get no answer (the
 * caller sees `undefined`), so a probe learns nothing about which check failed.
 */
export function listener<H extends HandlerMap>(handlers: H, self: Identity, onRefused?: (reason: Rejection) => void) {
  return (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    const verdict = accept(handlers, message, sender, self);
    if (!verdict.ok) {
      onRefused?.(verdict.reason);
      return undefined;
    }
    return Promise.resolve().then(verdict.call);
  };
}

/** A typed caller over a transport (`runtime.sendMessage`, `tabs.sendMessage` bound to a tab…). */
export function caller<H extends HandlerMap>(send: (message: MessageOf<H>) => Promise<unknown>) {
  return <K extends MessageType<H>>(type: K, payload: PayloadOf<H, K>): Promise<ResponseOf<H, K>> =>
    send({ type, payload } as MessageOf<H>) as Promise<ResponseOf<H, K>>;
}
