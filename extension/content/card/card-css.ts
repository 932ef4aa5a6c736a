/**
 * Styles of our shadow root (card and overlay boxes). `:host` rules are !important so a
 * page's `* { … !important }` cannot move or hide the host; inside the closed root the
 * page's styles do not reach.
 */
export const UI_CSS = `
:host {
  all: initial !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  display: block !important;
  z-index: 2147483647 !important;
}
.overlay { position: absolute; top: 0; left: 0; pointer-events: none; }
.box {
  position: absolute;
  box-sizing: border-box;
  border-radius: 2px;
  background: rgb(255 170 0 / 0.28);
  border-bottom: 2px solid rgb(214 40 40);
}
.box.info { background: none; border-bottom: 2px dotted rgb(40 110 230); }
.box.active { background: rgb(255 170 0 / 0.5); outline: 2px solid rgb(214 40 40); }

.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d0d7de; --soft: #f3f5f7;
  --accent: #0a64d6; --accent-fg: #ffffff; --error: #c8232c; --info: #1f6fd6;
  position: fixed;
  box-sizing: border-box;
  width: min(380px, calc(100vw - 16px));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px 12px;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.22), 0 2px 6px rgb(0 0 0 / 0.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left;
  color-scheme: light;
  pointer-events: auto;
}
.card.dark {
  --bg: #1e2329; --fg: #e6edf3; --muted: #9aa4af; --border: #3b434d; --soft: #2a3139;
  --accent: #4c9bff; --accent-fg: #0d1117; --error: #ff6b6b; --info: #6cb0ff;
  color-scheme: dark;
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.55), 0 2px 6px rgb(0 0 0 / 0.4);
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.head { display: flex; align-items: center; gap: 6px; margin: 0 0 6px; }
.brand { font-weight: 700; font-size: 12px; color: var(--accent); margin-right: 2px; }
.chip {
  font-size: 11px; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase;
  padding: 1px 7px; border-radius: 999px; background: var(--soft); color: var(--muted);
}
.chip.error { color: var(--error); }
.chip.info { color: var(--info); }
.close {
  margin-left: auto; width: 26px; height: 26px; padding: 0; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font: 18px/26px system-ui, sans-serif; cursor: pointer;
}
.close:hover { background: var(--soft); color: var(--fg); }
h2 { margin: 0 0 6px; font-size: 15px; line-height: 1.3; font-weight: 650; }
.found {
  margin: 0 0 8px; padding: 4px 7px; border-radius: 6px; background: var(--soft); color: var(--muted);
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  overflow-wrap: anywhere;
}
p { margin: 0 0 6px; }
h3 {
  margin: 10px 0 3px; font-size: 11px; font-weight: 650; letter-spacing: 0.05em;
  text-transform: uppercase; color: var(--muted);
}
ol { margin: 0; padding-left: 20px; }
li { margin: 3px 0; }
.foot {
  /* Sticky: when the card must scroll (little room beside the error), its actions stay in view. */
  position: sticky; bottom: -12px;
  display: flex; align-items: center; gap: 8px; flex-wrap: wrap;
  margin: 10px -14px -12px; padding: 10px 14px 12px;
  border-top: 1px solid var(--border); border-radius: 0 0 10px 10px;
  background: var(--bg);
}
button { font: inherit; cursor: pointer; }
.primary {
  border: 0; border-radius: 6px; padding: 6px 11px; font-weight: 600;
  background: var(--accent); color: var(--accent-fg);
}
.secondary {
  border: 1px solid var(--border); border-radius: 6px; padding: 5px 10px;
  background: transparent; color: var(--fg);
}
.secondary:hover { background: var(--soft); }
.hint { margin-left: auto; color: var(--muted); font-size: 11px; }
.caution { display: block; margin-top: 2px; color: var(--error); font-weight: 600; }
.more[hidden] { display: none; }
.sources { padding-left: 18px; color: var(--muted); }
.sources li { overflow-wrap: anywhere; }
.where { display: block; font-size: 11px; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
