import type { Cause } from '../../kb/types';
import { compiledHtml } from './compiled-html';

/** How to confirm a cause, with its links and code as the article wrote them. */
export function CheckLine({ cause }: { cause: Cause }) {
  if (!cause.check) return null;
  return (
    <p class="sf-check">
      <strong>Check:</strong> {cause.checkHtml ? compiledHtml(cause.checkHtml) : cause.check}
    </p>
  );
}
