/**
 * Markdown to HTML at build time. Bodies may not carry raw HTML or script links (the build
 * fails), and the renderer escapes HTML anyway, so nothing unsafe reaches a surface.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.\/|\.\.\/|[a-z0-9-]+(?:#[\w-]*)?$)/i;

/** Parses with HTML recognised, only to find and reject it. */
const detector = new MarkdownIt({ html: true, linkify: false });
// markdown-it drops script links silently; the detector must see them to reject them.
detector.validateLink = () => true;
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
renderer.validateLink = (url) => SAFE_LINK.test(url.trim());
// Articles link to each other by id: `[text](other-id)` becomes an in-app link.
const defaultLinkOpen =
  renderer.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^[a-z0-9-]+(?:#[\w-]*)?$/.test(href)) {
    token.attrSet('href', `#/a/${href}`);
    token.attrSet('data-article', href.split('#')[0]!);
  } else if (/^https?:/i.test(href)) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export interface MarkdownProblem {
  message: string;
}

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

/** Raw HTML, unsafe links and links to other articles (returned for resolution). */
export function inspectMarkdown(source: string, inline = false): { problems: string[]; links: string[] } {
  const problems: string[] = [];
  const links: string[] = [];
  const tokens = inline ? detector.parseInline(source, {}) : detector.parse(source, {});
  walk(tokens, (t) => {
    if (t.type === 'html_block' || t.type === 'html_inline') {
      problems.push(`raw HTML is not allowed: ${JSON.stringify(t.content.trim().slice(0, 60))}`);
    }
    if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '').trim();
      if (!SAFE_LINK.test(href)) problems.push(`unsafe link: ${JSON.stringify(href.slice(0, 60))}`);
      else if (/^[a-z0-9-]+(?:#[\w-]*)?$/.test(href)) links.push(href.split('#')[0]!);
    }
  });
  return { problems, links };
}

export function renderBlock(source: string): string {
  return renderer.render(source);
}

export function renderInline(source: string): string {
  return renderer.renderInline(source);
}

/** Plain text of a Markdown source (for search and the CLI). */
export function plainText(source: string): string {
  return source
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/^>\s?/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
