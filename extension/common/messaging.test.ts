import { describe, expect, test } from 'vitest';
import { accept, caller, handler, roleOf } from './messaging';
import type { MessageSender } from './messaging';
import { integer, object } from './shape';

const self = { id: 'syncfix-id', baseUrl: 'chrome-extension://syncfix-id/' };
const content: MessageSender = { id: 'syncfix-id', url: 'https://mail.contoso.com/ecp/', tab: { id: 7 }, frameId: 0 };
const popup: MessageSender = { id: 'syncfix-id', url: 'chrome-extension://syncfix-id/popup.html' };
const calls: string[] = [];

const handlers = {
  fromPage: handler({
    from: 'content',
    payload: object({ n: integer({ max: 9 }) }),
    run: ({ n }, sender) => {
      calls.push(`page ${n} tab ${sender.tabId} frame ${sender.frameId}`);
      return n * 2;
    },
  }),
  fromPopup: handler({ from: 'extension', payload: object({ tabId: integer() }), run: ({ tabId }) => `tab ${tabId}` }),
};

describe('who sent a message', () => {
  test('a content script is a tab sender of this extension with a page URL', () => {
    expect(roleOf(content, self)).toBe('content');
  });

  test('our own pages and background are extension senders', () => {
    expect(roleOf(popup, self)).toBe('extension');
    expect(roleOf({ ...popup, tab: { id: 3 }, frameId: 0 }, self)).toBe('extension');
  });

  test('another extension, or a sender without a tab and page URL, is nobody', () => {
    expect(roleOf({ ...content, id: 'other-extension' }, self)).toBeUndefined();
    expect(roleOf({ id: 'syncfix-id', url: 'https://evil.example/' }, self)).toBeUndefined();
    expect(roleOf({ ...popup, url: 'chrome-extension://other-id/popup.html' }, self)).toBeUndefined();
  });
});

describe('accepting a message', () => {
  test('runs the named handler with the checked payload and the sender’s tab and frame', async () => {
    const verdict = accept(handlers, { type: 'fromPage', payload: { n: 4 } }, content, self);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(await verdict.call()).toBe(8);
    expect(calls.at(-1)).toBe('page 4 tab 7 frame 0');
  });

  test('refuses a handler called by the wrong kind of sender', () => {
    expect(accept(handlers, { type: 'fromPage', payload: { n: 1 } }, popup, self)).toEqual({
      ok: false,
      reason: 'role',
    });
    expect(accept(handlers, { type: 'fromPopup', payload: { tabId: 1 } }, content, self)).toEqual({
      ok: false,
      reason: 'role',
    });
  });

  test('refuses payloads of the wrong shape', () => {
    expect(accept(handlers, { type: 'fromPage', payload: { n: 10 } }, content, self)).toEqual({
      ok: false,
      reason: 'payload',
    });
    expect(accept(handlers, { type: 'fromPage', payload: { n: 1, extra: true } }, content, self)).toEqual({
      ok: false,
      reason: 'payload',
    });
    expect(accept(handlers, { type: 'fromPage' }, content, self)).toEqual({ ok: false, reason: 'payload' });
  });

  test('refuses unknown and inherited message types', () => {
    for (const type of ['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(accept(handlers, { type, payload: {} }, popup, self)).toEqual({ ok: false, reason: 'unknown-type' });
    }
    expect(accept(handlers, 'fromPopup', popup, self)).toEqual({ ok: false, reason: 'unknown-type' });
    expect(accept(handlers, null, popup, self)).toEqual({ ok: false, reason: 'unknown-type' });
  });

  test('refuses everything from another extension before looking at the message', () => {
    expect(accept(handlers, { type: 'fromPopup', payload: { tabId: 1 } }, { ...popup, id: 'x' }, self)).toEqual({
      ok: false,
      reason: 'sender',
    });
  });
});

test('a caller sends { type, payload } as typed by the handler map', async () => {
  const sent: unknown[] = [];
  const call = caller<typeof handlers>(async (message) => {
    sent.push(message);
    return 'tab 5';
  });
  const answer: string = await call('fromPopup', { tabId: 5 });
  expect(answer).toBe('tab 5');
  expect(sent).toEqual([{ type: 'fromPopup', payload: { tabId: 5 } }]);
});
