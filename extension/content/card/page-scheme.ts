/**
 * Is the page dark where the error stands? Consoles often have their own dark theme
 * regardless of the OS setting, so we look at the actual background behind the text
 * (first opaque background up the tree, through shadow hosts). With none, the canvas
 * shows through, and its colour follows the page's color-scheme (CSS or <meta>, as in
 * Chrome's plain-text log viewer), which the default text colour reveals: light text,
 * dark canvas.
 */
export function isDarkAround(node: Node): boolean {
  const start: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (let el = start; el; el = el.parentElement ?? hostOf(el)) {
    const rgba = parseColor(getComputedStyle(el).backgroundColor);
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.4;
  }
  const text = start && parseColor(getComputedStyle(start).color);
  if (text && text[3] >= 0.5) return luminance(text) > 0.5;
  const doc = node.ownerDocument ?? document;
  const css = getComputedStyle(doc.documentElement).colorScheme;
  const scheme = css && css !== 'normal' ? css : (doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '');
  if (!scheme.includes('dark')) return false;
  return !scheme.includes('light') || matchMedia('(prefers-color-scheme: dark)').matches;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `rgb()`/`rgba()` (0–255) or `color(srgb …)` (0–1) as [r, g, b, a] in 0–1. */
export function parseColor(value: string): [number, number, number, number] | undefined {
  const nums = value.match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number);
  if (!nums || nums.length < 3) return undefined;
  const scale = value.startsWith('color(') ? 1 : 255;
  const [r, g, b] = nums.map((n) => n / scale) as [number, number, number];
  const a = nums.length >= 4 ? nums[3]! : 1;
  return [r, g, b, a];
}

/** Relative luminance (WCAG). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
