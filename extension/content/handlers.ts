/**
 * What the background (or popup) may ask of a content script. Only our extension can
 * send these (checked in `common/messaging.ts`); a page's postMessage or DOM events never
 * reach them: the content script listens to no page-controlled channel.
 */
import { handler } from '../common/messaging';
import { articleId } from '../common/frame-report';
import type { FrameReport } from '../common/frame-report';
import { boolean, nothing, object, oneOf, optional } from '../common/shape';
import type { RevealRequest, RevealResult } from './navigate';

export interface ContentDeps {
  reveal(request: RevealRequest): RevealResult;
  report(): FrameReport;
  dismiss(): void;
}

export function contentHandlers(deps: ContentDeps) {
  return {
    reveal: handler({
      from: 'extension',
      payload: object({
        article: optional(articleId()),
        step: oneOf('first', 'last', 'next', 'previous'),
        wrap: boolean(),
      }),
      run: (request) => deps.reveal(request),
    }),
    /** Closes this frame's card: keyboard navigation moved on to another frame. */
    dismiss: handler({ from: 'extension', payload: nothing, run: () => deps.dismiss() }),
    /** Sends the frame's report again (after the background lost it on a navigation event). */
    report: handler({ from: 'extension', payload: nothing, run: () => deps.report() }),
  };
}

export type ContentHandlers = ReturnType<typeof contentHandlers>;
