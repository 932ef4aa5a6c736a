/**
 * What the content script never reads or marks: form fields and editable regions (the
 * admin's own typing), code and styles, embedded documents (same-origin frames run their
 * own instance), and our own UI.
 */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD',
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'svg', 'math',
]);

export function skipper(isOurs: (el: Element) => boolean): (el: Element) => boolean {
  return (el) => {
    if (SKIP_TAGS.has(el.tagName) || isOurs(el)) return true;
    if (el.hasAttribute('hidden')) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
    const role = el.getAttribute('role');
    return role === 'textbox' || role === 'searchbox' || role === 'combobox';
  };
}
