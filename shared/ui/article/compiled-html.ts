/**
 * Article and step HTML, compiled at build time from our own Markdown, rendered as Preact
 * elements instead of being assigned to `innerHTML`: the browser's inert parser reads it,
 * and only the elements and attributes the compiler writes become nodes (anything else
 * is kept as its text). No raw-HTML sink is needed anywhere, so the extension build can
 * drop Preact's one (extension/no-raw-html.ts) and the add-on linter has nothing to flag.
 */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';

const ELEMENTS = new Set([
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'a',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'kbd',
  'span',
  'div',
]);
const ATTRIBUTES: Record<string, readonly string[]> = { a: ['href', 'data-article'], ol: ['start'], '*': ['class'] };
/** In-app routes and web links; never `javascript:` or `data:`. */
const SAFE_HREF = /^(?:#|\/(?!\/)|https?:\/\/)/i;

const cache = new Map<string, ComponentChildren>();

export function compiledHtml(html: string): ComponentChildren {
  let nodes = cache.get(html);
  if (nodes === undefined) {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    nodes = children(body);
    // Articles are a few hundred at most; forget the oldest beyond that.
    if (cache.size >= 400) cache.delete(cache.keys().next().value!);
    cache.set(html, nodes);
  }
  return nodes;
}

function children(parent: Node): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  parent.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.nodeValue);
    else if (node.nodeType === Node.ELEMENT_NODE) out.push(element(node as Element));
  });
  return out;
}

function element(el: Element): ComponentChildren {
  const tag = el.localName;
  if (!ELEMENTS.has(tag)) return children(el);
  const props: Record<string, string> = {};
  for (const name of [...(ATTRIBUTES[tag] ?? []), ...ATTRIBUTES['*']!]) {
    const value = el.getAttribute(name);
    if (value === null || (name === 'href' && !SAFE_HREF.test(value))) continue;
    props[name] = value;
  }
  return h(tag, props, ...children(el));
}
