/**
 * Validates one article's frontmatter. Every problem becomes one `field: reason` line so
 * an author sees all of them at once, e.g. `causes[0].fix: required`.
 */
import { versionLabel } from './labels';
import { CODE_SCHEMES, KINDS, PLACES, PRODUCTS, RETRY_VERDICTS, SEED_DOCUMENTS, SPECIFICITIES, STAGES } from './types';
import type { Article, Code, Place, Source, Specificity } from './types';

export interface StepSource {
  text: string;
  command?: string;
  lang?: string;
  warning?: string;
  applies?: string[];
}

export interface CauseSource {
  title: string;
  check?: string;
  kb: string[];
  fix: StepSource[];
}

export interface SignatureSource {
  text: string;
  where: Place;
  specificity: Specificity;
  context?: { line: string[] };
  examples: string[];
  counterexamples: string[];
}

/** What an author writes: the compiled Article without rendered fields, plus signatures. */
export type ArticleSource = Omit<Article, 'causes' | 'steps' | 'html' | 'text' | 'source'> & {
  causes: CauseSource[];
  steps: StepSource[];
  signatures: SignatureSource[];
};

export interface FieldProblem {
  field: string;
  message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KB = /^KB\d{5}$/;
const LANGS = ['powershell', 'xml', 'tcl', 'text', 'shell', 'sql'] as const;

const KNOWN_FIELDS = new Set([
  'id',
  'title',
  'product',
  'kind',
  'summary',
  'aliases',
  'tags',
  'related',
  'concepts',
  'procedures',
  'symptom',
  'shows',
  'stage',
  'distinguish',
  'retry',
  'causes',
  'steps',
  'kb',
  'codes',
  'sources',
  'replaces',
  'signatures',
]);

class Reader {
  readonly problems: FieldProblem[] = [];

  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  string(obj: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'required');
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.fail(path, `must be text, got ${describe(value)}`);
      return undefined;
    }
    if (!value.trim()) {
      if (required) this.fail(path, 'must not be empty');
      return undefined;
    }
    return value.trim();
  }

  oneOf<T extends string>(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    allowed: readonly T[],
    required: boolean,
  ): T | undefined {
    const value = this.string(obj, key, path, required);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.join(', ')}, got "${value}"`);
      return undefined;
    }
    return value as T;
  }

  strings(obj: Record<string, unknown>, key: string, path: string): string[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(path, `must be a list, got ${describe(value)}`);
      return [];
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string' && item.trim()) out.push(item.trim());
      else if (typeof item === 'number') out.push(String(item));
      else this.fail(`${path}[${i}]`, `must be non-empty text, got ${describe(item)}`);
    });
    return out;
  }

  list(obj: Record<string, unknown>, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(path, `must be a list, got ${describe(value)}`);
      return [];
    }
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStep(r: Reader, raw: unknown, path: string): StepSource | undefined {
  if (typeof raw === 'string') {
    if (!raw.trim()) r.fail(path, 'must not be empty');
    return raw.trim() ? { text: raw.trim() } : undefined;
  }
  if (!isRecord(raw)) {
    r.fail(path, `must be text or a mapping with text, got ${describe(raw)}`);
    return undefined;
  }
  const text = r.string(raw, 'text', `${path}.text`, true);
  const command = r.string(raw, 'command', `${path}.command`, false);
  const lang = r.oneOf(raw, 'lang', `${path}.lang`, LANGS, false);
  const warning = r.string(raw, 'warning', `${path}.warning`, false);
  const applies = r.strings(raw, 'applies', `${path}.applies`);
  applies.forEach((value, i) => {
    if (!versionLabel(value)) {
      r.fail(`${path}.applies[${i}]`, `must be a product and version such as exchange-2013+ or bbos-6, got "${value}"`);
    }
  });
  for (const key of Object.keys(raw)) {
    if (!['text', 'command', 'lang', 'warning', 'applies'].includes(key)) r.fail(`${path}.${key}`, 'unknown field');
  }
  if (lang && !command) r.fail(`${path}.lang`, 'only goes with a command');
  if (text === undefined) return undefined;
  return { text, command, lang, warning, ...(applies.length && { applies }) };
}

const HTTPS_URL = /^https?:\/\/[^\s/]+\.[^\s]+$/;

function readSources(r: Reader, data: Record<string, unknown>): Source[] {
  return r.list(data, 'sources', 'sources').flatMap((raw, i): Source[] => {
    const path = `sources[${i}]`;
    if (!isRecord(raw)) {
      r.fail(path, `must be a mapping with seed, or with title and url, got ${describe(raw)}`);
      return [];
    }
    for (const key of Object.keys(raw)) {
      if (!['seed', 'title', 'url', 'section'].includes(key)) r.fail(`${path}.${key}`, 'unknown field');
    }
    const section = r.string(raw, 'section', `${path}.section`, false);
    const seed = r.string(raw, 'seed', `${path}.seed`, false);
    if (seed !== undefined) {
      const title = SEED_DOCUMENTS[seed];
      if (!title) r.fail(`${path}.seed`, `must be one of ${Object.keys(SEED_DOCUMENTS).join(', ')}, got "${seed}"`);
      if (raw.url !== undefined) r.fail(`${path}.url`, 'a source document has no url');
      return title
        ? [{ title: r.string(raw, 'title', `${path}.title`, false) ?? title, seed, ...(section && { section }) }]
        : [];
    }
    const title = r.string(raw, 'title', `${path}.title`, true);
    const url = r.string(raw, 'url', `${path}.url`, true);
    if (url !== undefined && !HTTPS_URL.test(url)) r.fail(`${path}.url`, `must be an http(s) address, got "${url}"`);
    return title && url ? [{ title, url, ...(section && { section }) }] : [];
  });
}

const CODE_FORMS: Record<(typeof CODE_SCHEMES)[number], RegExp> = {
  http: /^[1-5]\d\d$/,
  eas: /^\d{1,3}$/,
  event: /^\d{1,5}$/,
  hresult: /^0x[0-9A-Fa-f]{8}$/,
};

function readCodes(r: Reader, data: Record<string, unknown>): Code[] {
  return r.list(data, 'codes', 'codes').flatMap((raw, i): Code[] => {
    const path = `codes[${i}]`;
    if (!isRecord(raw)) {
      r.fail(path, `must be a mapping such as {http: 449} or {eas: 9, command: FolderSync}, got ${describe(raw)}`);
      return [];
    }
    const schemes = CODE_SCHEMES.filter((s) => raw[s] !== undefined);
    for (const key of Object.keys(raw)) {
      if (!(CODE_SCHEMES as readonly string[]).includes(key) && key !== 'command' && key !== 'provider') {
        r.fail(`${path}.${key}`, 'unknown field');
      }
    }
    if (schemes.length !== 1) {
      r.fail(path, `must name exactly one of ${CODE_SCHEMES.join(', ')}`);
      return [];
    }
    const scheme = schemes[0]!;
    const code = r.string(raw, scheme, `${path}.${scheme}`, true);
    if (code === undefined) return [];
    if (!CODE_FORMS[scheme].test(code)) {
      r.fail(`${path}.${scheme}`, `"${code}" is not a ${scheme} code (expected ${CODE_FORMS[scheme].source})`);
    }
    const command = r.string(raw, 'command', `${path}.command`, false);
    const provider = r.string(raw, 'provider', `${path}.provider`, false);
    if (command !== undefined && scheme !== 'eas') r.fail(`${path}.command`, 'only an eas code names a command');
    if (provider !== undefined && scheme !== 'event') r.fail(`${path}.provider`, 'only an event names a provider');
    if (scheme === 'event' && provider === undefined) r.fail(`${path}.provider`, 'required for an event');
    return [{ scheme, code, ...(command && { command }), ...(provider && { provider }) }];
  });
}

function readKb(r: Reader, obj: Record<string, unknown>, path: string): string[] {
  const kb = r.strings(obj, 'kb', path);
  kb.forEach((k, i) => {
    if (!KB.test(k)) r.fail(`${path}[${i}]`, `must look like KB01234, got "${k}"`);
  });
  return kb;
}

function readSignature(r: Reader, raw: unknown, path: string): SignatureSource | undefined {
  if (!isRecord(raw)) {
    r.fail(path, `must be a mapping, got ${describe(raw)}`);
    return undefined;
  }
  const text = r.string(raw, 'text', `${path}.text`, true);
  const where = r.oneOf(raw, 'where', `${path}.where`, PLACES, true);
  const specificity = r.oneOf(raw, 'specificity', `${path}.specificity`, SPECIFICITIES, false) ?? 'exact';
  let context: { line: string[] } | undefined;
  if (raw.context !== undefined) {
    if (!isRecord(raw.context)) r.fail(`${path}.context`, 'must be a mapping with line: [terms]');
    else {
      const line = r.strings(raw.context, 'line', `${path}.context.line`);
      if (!line.length) r.fail(`${path}.context.line`, 'must list at least one term');
      else context = { line };
    }
  }
  if (specificity === 'generic' && !context) {
    r.fail(`${path}.context`, 'required for a generic signature (the words that make it ours)');
  }
  const examples = r.strings(raw, 'examples', `${path}.examples`);
  if (!examples.length) r.fail(`${path}.examples`, 'must list at least one real-looking line');
  const counterexamples = r.strings(raw, 'counterexamples', `${path}.counterexamples`);
  for (const key of Object.keys(raw)) {
    if (!['text', 'where', 'specificity', 'context', 'examples', 'counterexamples'].includes(key)) {
      r.fail(`${path}.${key}`, 'unknown field');
    }
  }
  if (!text || !where) return undefined;
  return { text, where, specificity, context, examples, counterexamples };
}

/** Reads frontmatter into an ArticleSource; it is valid only when `problems` is empty. */
export function readArticle(data: unknown): { article?: ArticleSource; problems: FieldProblem[] } {
  const r = new Reader();
  if (!isRecord(data)) {
    r.fail('frontmatter', 'missing: the file must start with a --- YAML block ---');
    return { problems: r.problems };
  }
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) r.fail(key, 'unknown field');
  }
  const id = r.string(data, 'id', 'id', true);
  if (id && !ID.test(id)) r.fail('id', `must be a lowercase slug (a-z, 0-9, -), got "${id}"`);
  const title = r.string(data, 'title', 'title', true);
  const product = r.oneOf(data, 'product', 'product', PRODUCTS, true);
  const kind = r.oneOf(data, 'kind', 'kind', KINDS, true);
  const summary = r.string(data, 'summary', 'summary', true);
  const aliases = r.strings(data, 'aliases', 'aliases');
  const tags = r.strings(data, 'tags', 'tags');
  const related = r.strings(data, 'related', 'related');
  const concepts = r.strings(data, 'concepts', 'concepts');
  const procedures = r.strings(data, 'procedures', 'procedures');
  const symptom = r.string(data, 'symptom', 'symptom', kind === 'problem');
  const shows = r.strings(data, 'shows', 'shows').filter((place, i) => {
    if ((PLACES as readonly string[]).includes(place)) return true;
    r.fail(`shows[${i}]`, `must be one of ${PLACES.join(', ')}, got "${place}"`);
    return false;
  }) as Place[];
  const stage = r.oneOf(data, 'stage', 'stage', STAGES, false);
  const distinguish = r.string(data, 'distinguish', 'distinguish', false);

  let retry: ArticleSource['retry'];
  if (data.retry !== undefined) {
    if (!isRecord(data.retry)) r.fail('retry', 'must be a mapping with verdict and note');
    else {
      const verdict = r.oneOf(data.retry, 'verdict', 'retry.verdict', RETRY_VERDICTS, true);
      const note = r.string(data.retry, 'note', 'retry.note', true);
      if (verdict && note) retry = { verdict, note };
    }
  }

  const causes: CauseSource[] = [];
  r.list(data, 'causes', 'causes').forEach((raw, i) => {
    const path = `causes[${i}]`;
    if (!isRecord(raw)) return r.fail(path, `must be a mapping, got ${describe(raw)}`);
    const causeTitle = r.string(raw, 'title', `${path}.title`, true);
    const check = r.string(raw, 'check', `${path}.check`, false);
    const kb = readKb(r, raw, `${path}.kb`);
    const fixRaw = r.list(raw, 'fix', `${path}.fix`);
    if (!fixRaw.length) r.fail(`${path}.fix`, 'required');
    const fix = fixRaw.flatMap((step, k) => readStep(r, step, `${path}.fix[${k}]`) ?? []);
    for (const key of Object.keys(raw)) {
      if (!['title', 'check', 'kb', 'fix'].includes(key)) r.fail(`${path}.${key}`, 'unknown field');
    }
    if (causeTitle) causes.push({ title: causeTitle, check, kb, fix });
  });
  const steps = r.list(data, 'steps', 'steps').flatMap((step, k) => readStep(r, step, `steps[${k}]`) ?? []);
  const kb = readKb(r, data, 'kb');
  const codes = readCodes(r, data);
  const sources = readSources(r, data);
  const replaces = r.strings(data, 'replaces', 'replaces');
  replaces.forEach((old, i) => {
    if (!ID.test(old)) r.fail(`replaces[${i}]`, `must be a lowercase slug (a-z, 0-9, -), got "${old}"`);
  });
  const signatures = r
    .list(data, 'signatures', 'signatures')
    .flatMap((raw, i) => readSignature(r, raw, `signatures[${i}]`) ?? []);

  if (kind === 'problem') {
    if (!causes.length && data.causes === undefined) r.fail('causes', 'required for a problem');
    if (!concepts.length) r.fail('concepts', 'a problem must name the stage or concept it belongs to');
  } else {
    if (data.causes !== undefined) r.fail('causes', `only problems have causes, this is a ${kind ?? 'article'}`);
    if (data.symptom !== undefined) r.fail('symptom', `only problems have a symptom, this is a ${kind ?? 'article'}`);
  }
  if (kind === 'procedure' && !steps.length) r.fail('steps', 'required for a procedure');
  if (kind !== 'procedure' && data.steps !== undefined) r.fail('steps', 'only procedures have steps');

  // With its core fields readable, the article goes on to link and signature checks even
  // when other fields are wrong, so the author sees every problem in one run.
  if (!id || !title || !product || !kind || !summary) return { problems: r.problems };
  return {
    article: {
      id,
      title,
      product,
      kind,
      summary,
      aliases,
      tags,
      related,
      concepts,
      procedures,
      symptom,
      shows,
      stage,
      distinguish,
      retry,
      causes,
      steps,
      kb,
      codes,
      sources,
      replaces,
      signatures,
    },
    problems: r.problems,
  };
}
