/**
 * The marks of one frame: deduplicated (a line rescanned while the first pass is still
 * running must not be marked twice), indexed by text node for hover hit-testing, and
 * summarised for the popup and the badge.
 */
import type { Mark, MarkKind } from './mark';

export interface ArticleCount {
  article: string;
  kind: MarkKind;
  count: number;
}

export class MarkStore {
  private readonly marks = new Set<Mark>();
  private readonly byNode = new Map<Text, Mark[]>();

  get size(): number {
    return this.marks.size;
  }

  /** Adds a mark unless the same signature is already marked at the same place. */
  add(mark: Mark): boolean {
    const existing = this.byNode.get(mark.startNode);
    if (existing?.some((m) => m.startOffset === mark.startOffset && m.signature === mark.signature)) return false;
    this.marks.add(mark);
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mark);
      else this.byNode.set(node, [mark]);
    }
    return true;
  }

  removeWhere(predicate: (mark: Mark) => boolean): Mark[] {
    const removed: Mark[] = [];
    for (const mark of this.marks) if (predicate(mark)) removed.push(mark);
    for (const mark of removed) this.delete(mark);
    return removed;
  }

  private delete(mark: Mark): void {
    this.marks.delete(mark);
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mark);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  at(node: Node): readonly Mark[] {
    return this.byNode.get(node as Text) ?? [];
  }

  has(mark: Mark): boolean {
    return this.marks.has(mark);
  }

  all(): Mark[] {
    return [...this.marks];
  }

  /** In document order (the order keyboard navigation walks). */
  ordered(): Mark[] {
    return this.all().sort((a, b) => {
      if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
      return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  counts(): { errors: number; info: number; articles: ArticleCount[] } {
    const byArticle = new Map<string, ArticleCount>();
    let errors = 0;
    let info = 0;
    for (const mark of this.marks) {
      if (mark.kind === 'error') errors++;
      else info++;
      const entry = byArticle.get(mark.article);
      if (entry) entry.count++;
      else byArticle.set(mark.article, { article: mark.article, kind: mark.kind, count: 1 });
    }
    return { errors, info, articles: [...byArticle.values()] };
  }
}
