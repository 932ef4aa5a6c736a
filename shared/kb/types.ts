import type { DetectionData } from '../detect/detector';

/**
 * The knowledge model. Authors write `content/**.md` (frontmatter + Markdown body); the
 * compiler validates it against `schema.ts` and emits a `KnowledgeBundle` of these types.
 * Every surface (PWA, extension, CLI) reads only the bundle.
 */

export const PRODUCTS = ['bes', 'blackberry', 'activesync', 'seg', 'notifysync', 'zpush'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_LABELS: Record<Product, string> = {
  bes: 'BES',
  blackberry: 'BlackBerry',
  activesync: 'ActiveSync',
  seg: 'SEG',
  notifysync: 'NotifySync',
  zpush: 'Z-Push / grommunio-sync',
};

export const KINDS = ['problem', 'concept', 'procedure'] as const;
export type Kind = (typeof KINDS)[number];

/** Where a user meets a symptom or an error string. */
export const PLACES = ['device', 'console', 'log', 'mailbox', 'mail-client', 'network'] as const;
export type Place = (typeof PLACES)[number];

/** The four stages of BES enterprise activation, in order. */
export const STAGES = [
  'authentication',
  'encryption-verification',
  'receiving-services',
  'slow-synchronisation',
] as const;
export type Stage = (typeof STAGES)[number];

/** Does sending again / retrying help? (NotifySync's permanent vs transient errors, etc.) */
export const RETRY_VERDICTS = ['helps', 'useless', 'avoid'] as const;
export type RetryVerdict = (typeof RETRY_VERDICTS)[number];

export const SPECIFICITIES = ['exact', 'generic'] as const;
export type Specificity = (typeof SPECIFICITIES)[number];

export interface FixStep {
  /** Rendered inline HTML (sanitised at build time). */
  html: string;
  /** The same step as plain text, for the CLI and for search. */
  text: string;
  /** A command, setting or script to copy verbatim. */
  command?: string;
  /** Language of `command`, for labelling the copy block. */
  lang?: string;
  /** Marks a step that loses data or weakens security. */
  warning?: string;
  /** Product versions the step or its command applies to (`exchange-2013+`); see `versionLabel`. */
  applies?: string[];
}

/**
 * The source documents the knowledge base started from (`../shared/seeds/`), by file name.
 * An article cites one with `seed:`; any other source with its title and URL.
 */
export const SEED_DOCUMENTS: Record<string, string> = {
  '000_a8c451fa3ca26885.txt': 'BES Troubleshooting Enterprise Activation (source document)',
  '001_a0719c9da2e80d82.txt': 'Blackberry not syncing with BES (source document)',
  '002_968f12bc38b720ce.txt': 'It’s more like In-ActiveSync! (source document)',
  '003_fb758081c13f4d4c.txt': 'NotifySync: Messages are stuck in the outbox, Article ID 416 (source document)',
};

/** Where an article's facts come from, shown at its end. */
export interface Source {
  title: string;
  /** A public document; absent for a source document. */
  url?: string;
  /** A source document's file name (a key of `SEED_DOCUMENTS`). */
  seed?: string;
  /** The part of the document the facts come from. */
  section?: string;
}

/**
 * Families a step's `applies` may name, with their display names. A value is a family, an
 * optional version and an optional `+` ("and later"): `exchange-2013+`, `bbos-6`, `seg-v2`.
 */
export const VERSION_FAMILIES: Record<string, string> = {
  'exchange-online': 'Exchange Online',
  exchange: 'Exchange',
  bes: 'BES',
  bbos: 'BlackBerry OS',
  windows: 'Windows Server',
  powershell: 'PowerShell',
  iis: 'IIS',
  'big-ip': 'BIG-IP',
  seg: 'SEG',
  kerio: 'Kerio',
  ios: 'iOS',
  android: 'Android',
  outlook: 'Outlook',
  zpush: 'Z-Push',
  grommunio: 'grommunio-sync',
};

/** Codes an article answers: a query naming one, or a log record carrying one, leads to it. */
export const CODE_SCHEMES = ['http', 'eas', 'event', 'hresult'] as const;
export type CodeScheme = (typeof CODE_SCHEMES)[number];

export interface Code {
  /**
   * `http`: an HTTP status on an ActiveSync response (`449`); `eas`: an ActiveSync protocol
   * status (`9`), of `command` or common to all commands when absent; `event`: a Windows
   * event id of `provider`; `hresult`: a Windows error code (`0x80070005`).
   */
  scheme: CodeScheme;
  code: string;
  /** `eas` only: the command whose status this is (`FolderSync`). */
  command?: string;
  /** `event` only: the event's provider (`MSExchange ActiveSync`). */
  provider?: string;
}

export interface Cause {
  title: string;
  /** How to confirm this cause before acting: plain text, and the same as sanitised inline HTML. */
  check?: string;
  checkHtml?: string;
  fix: FixStep[];
  kb: string[];
}

export interface SignatureContext {
  /** At least one of these terms (case-insensitive, literal) must stand on the same line. */
  line: string[];
}

export interface Signature {
  /** Stable id: `<article id>#<n>`. */
  id: string;
  article: string;
  /** The pattern as the author wrote it (with `{email}`-style placeholders). */
  text: string;
  where: Place;
  specificity: Specificity;
  context?: SignatureContext;
  examples: string[];
  counterexamples: string[];
}

export interface Article {
  id: string;
  title: string;
  product: Product;
  kind: Kind;
  summary: string;
  aliases: string[];
  tags: string[];
  /** Ids of related articles (links). */
  related: string[];
  /** Problem: the stage or concept articles it belongs to. */
  concepts: string[];
  /** Problem: procedures it uses. */
  procedures: string[];
  symptom?: string;
  shows: Place[];
  stage?: Stage;
  /** Problem: how to tell this apart from a look-alike (plain text). */
  distinguish?: string;
  retry?: { verdict: RetryVerdict; note: string };
  causes: Cause[];
  /** Procedure: ordered steps. */
  steps: FixStep[];
  kb: string[];
  /** Codes the article answers (HTTP and ActiveSync statuses, event ids, HRESULTs). */
  codes: Code[];
  /** Where its facts come from. */
  sources: Source[];
  /** Ids of articles merged into this one: old links and saved articles lead here. */
  replaces: string[];
  /** Rendered, sanitised body HTML. */
  html: string;
  /** Body as plain text (search, CLI). */
  text: string;
  /** Source file, relative to the repository root. */
  source: string;
}

/** The compact record fuse.js searches: short fields only (long fields make Bitap slow). */
export interface SearchDoc {
  id: string;
  title: string;
  product: Product;
  kind: Kind;
  aliases: string[];
  signatures: string[];
  symptom: string;
  summary: string;
  keywords: string;
  /** Keys of the codes the article claims (`shared/search/codes.ts`): `http:449`, `eas:FolderSync:9`. */
  codes: string[];
}

/**
 * The search vocabulary, prebuilt at compile time (`shared/search/token-index.ts`): every
 * folded word of the knowledge base and, per word, the articles holding it, so start-up
 * reads it instead of re-reading every article body.
 */
export interface SearchTokens {
  /** Every word, sorted by UTF-16 code unit, joined by single spaces. */
  words: string;
  /**
   * Three posting lists per word, in `words` order: articles (indexes into `search.docs`)
   * with the word in a short field; with it only in their body or steps; with it in their
   * title. Each list is ascending gaps minus one, 5 bits per character from `A–Za–z0–9+/`
   * (values 32–63 mean "more digits follow"), ended by a comma.
   */
  postings: string;
}

export interface KnowledgeBundle {
  /** The automaton of every signature, made at compile time (`Detector.compile`). */
  detection: DetectionData;
  /** Content version: a hash of every source file, so caches know when to refresh. */
  version: string;
  /** Date of the newest content change (ISO yyyy-mm-dd). */
  date: string;
  articles: Article[];
  signatures: Signature[];
  /** Old article id → the article it was merged into (from `replaces`). */
  redirects: Record<string, string>;
  /**
   * What search loads. No fuse.js index: fuse.js scores only the few candidates the token
   * index picks, from records made of `docs` at runtime (`shared/search/fuse-ranker.ts`).
   */
  search: {
    docs: SearchDoc[];
    tokens: SearchTokens;
  };
}
