/**
 * Extension builds only: takes out Preact's one raw-HTML sink (`dom.innerHTML = props.
 * dangerouslySetInnerHTML.__html`). SyncFix never uses that prop (lint forbids it; compiled
 * article HTML goes through shared/ui/article/compiled-html.ts), so no code in the package
 * can assign HTML and the add-on linter has nothing to warn about. If a Preact upgrade moves
 * the statement, the build fails here instead of shipping the sink again.
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/;
/** The minified assignment, e.g. `(u.innerHTML=h.__html)`; comparisons and `=""` stay. */
const SINK = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

export function noRawHtml(): Plugin {
  return {
    name: 'syncfix-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id)) return null;
      const found = code.match(SINK)?.length ?? 0;
      if (found !== 1) {
        this.error(`no-raw-html: expected Preact's one innerHTML assignment in ${id}, found ${found}`);
      }
      const refused = '(()=>{throw new Error("SyncFix renders no raw HTML: use compiledHtml()")})()';
      return { code: code.replace(SINK, refused), map: null };
    },
  };
}
