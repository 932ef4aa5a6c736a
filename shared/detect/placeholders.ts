/**
 * The variable parts of a signature (`{email}`, `{guid}`, …): one table from which the pattern
 * syntax, the checks on content and the table in content/README.md all come.
 */
export interface Placeholder {
  /** RegExp source of what it matches (used inside a `giu` RegExp). */
  source: string;
  /** Longest text it can match: bounds the window a candidate is confirmed in. */
  maxLength: number;
  /** What it stands for, for authors. */
  matches: string;
  /** Values it matches, for authors and tests. */
  examples: readonly string[];
}

export const PLACEHOLDERS = {
  email: {
    source: String.raw`[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}`,
    maxLength: 400,
    matches: 'a mail address',
    examples: ['jo@contoso.com'],
  },
  guid: {
    source: String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
    maxLength: 36,
    matches: 'a GUID',
    examples: ['46e485ee-c661-4aaa-b59e-a26f27bd7033'],
  },
  number: {
    source: String.raw`\d{1,15}(?:[.,]\d{1,15}){0,4}`,
    maxLength: 80,
    matches: 'a count or number',
    examples: ['1159', '6.7'],
  },
  time: {
    source: String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,7})?)?)?|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,7})?)?)(?:\s?(?:[AP]M|Z|[+-]\d{2}:?\d{2}))?`,
    maxLength: 40,
    matches: 'a date and/or time',
    examples: ['2017/09/30 15:30:31.256', '10:03:15'],
  },
  id: {
    source: '[0-9A-Za-z]{4,64}',
    maxLength: 64,
    matches: 'a device id, PIN or hex token',
    examples: ['2A3B4C5D', 'ApplC39GQ2ABC'],
  },
  any: {
    source: String.raw`[^\n]{0,400}?`,
    maxLength: 400,
    matches: 'anything on the same line (up to 400 characters), as little as possible',
    examples: [],
  },
} as const satisfies Record<string, Placeholder>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

const NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** `{name}` for every placeholder; the one place the syntax is defined. */
export const PLACEHOLDER_PATTERN = new RegExp(`\\{(${NAMES.join('|')})\\}`, 'g');

/** The placeholders table of content/README.md, as Markdown. */
export function placeholderTable(): string {
  const rows = NAMES.map((name) => {
    const p: Placeholder = PLACEHOLDERS[name];
    const examples = p.examples.map((e) => `\`${e}\``).join(', ');
    return `| \`{${name}}\` | ${p.matches}${examples ? ` (${examples})` : ''} |`;
  });
  return ['| placeholder | matches |', '|---|---|', ...rows].join('\n');
}
