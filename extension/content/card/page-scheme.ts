/**
 * Is the page dark where the error stands? Consoles often have their own dark theme
 * regardless of the OS setting, so we look at the actual background behind the text
 * (first opaque background up the tree, through shadow hosts), then at the canvas's
 * `color-scheme` (e.g. Chrome's plain-text log viewer in a dark OS theme).
 */
export function isDarkAround(node: Node): boolean {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    const rgba = parseColor(getComputedStyle(el).backgroundColor);
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.4;
    el = el.parentElement ?? hostOf(el);
  }
  const doc = node.ownerDocument ?? document;
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
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
