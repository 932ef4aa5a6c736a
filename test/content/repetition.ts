/**
 * How much text the knowledge base repeats across articles: runs of normalised words that
 * stand in more than one article. Repeated blocks drift apart when one copy is fixed and the
 * other is not, so the content tests keep them few and short.
 */

export interface Doc {
  id: string;
  /** The whole source file, frontmatter included. */
  text: string;
}

/**
 * The file without its `sources:` list. A citation is meant to repeat (one document backs
 * many articles) and cannot drift apart from itself, so it is not counted as repeated text.
 */
export function withoutCitations(source: string): string {
  return source.replace(/^sources:[^\n]*\n(?:[ \t-].*\n)*/m, '');
}

/**
 * Commands are what a technician types, so the same cmdlet may stand in many articles; the
 * `lang` and `applies` labels beside them are metadata. Neither is prose that says a thing twice.
 */
export function withoutWhatUsersType(source: string): string {
  return source
    .replace(/^(\s*(?:- )?)command: \|-?\n((?:\1\s+.*\n)*)/gm, '')
    .replace(/^\s*(?:- )?(?:command|lang|applies):.*\n/gm, '');
}

/** Lowercase letter-and-digit runs: punctuation, markup and case do not make text different. */
export function normalisedWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of `n` consecutive words in each document, mapped to the documents holding it. */
function runs(docs: readonly Doc[], n: number): Map<string, Set<string>> {
  const where = new Map<string, Set<string>>();
  for (const doc of docs) {
    const words = normalisedWords(doc.text);
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      let ids = where.get(run);
      if (!ids) where.set(run, (ids = new Set()));
      ids.add(doc.id);
    }
  }
  return where;
}

/** Runs of `n` words that stand in two or more documents, with the documents' ids. */
export function repeatedRuns(docs: readonly Doc[], n = 12): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [run, ids] of runs(docs, n)) if (ids.size > 1) out.set(run, [...ids].sort());
  return out;
}

/**
 * Pairs of documents that share a paragraph-sized run (`minWords` words or more, about a
 * paragraph), with the first shared run of each pair.
 */
export function sharedParagraphs(docs: readonly Doc[], minWords = 40): { ids: [string, string]; run: string }[] {
  const pairs = new Map<string, string>();
  for (const [run, ids] of repeatedRuns(docs, minWords)) {
    const list = [...ids];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = `${list[a]} ${list[b]}`;
        if (!pairs.has(key)) pairs.set(key, run);
      }
    }
  }
  return [...pairs].map(([key, run]) => ({ ids: key.split(' ') as [string, string], run }));
}

/** Ids of the documents in which `pattern` occurs. */
export function placesOf(docs: readonly Doc[], pattern: RegExp): string[] {
  return docs.filter((d) => pattern.test(d.text)).map((d) => d.id);
}
