/** Typed calls from our pages to the background's handlers. */
import browser from 'webextension-polyfill';
import { caller } from '../../common/messaging';
import type { BackgroundHandlers } from '../../background/handlers';

export const background = caller<BackgroundHandlers>((message) => browser.runtime.sendMessage(message));
