import { YAMLParseError, parse } from 'yaml';

export interface SplitFile {
  data: unknown;
  body: string;
  /** Line of the body's first line in the file (1-based), for messages. */
  bodyLine: number;
  error?: string;
}

const FENCE = /^---[ \t]*$/m;

/** Splits `---\nyaml\n---\nbody`; a YAML error is reported with its line in the file. */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      error: 'missing: the file must start with a --- YAML block ---',
    };
  }
  const rest = text.slice(4);
  const close = FENCE.exec(rest);
  if (!close) return { data: undefined, body: '', bodyLine: 1, error: 'unclosed: no --- line ends the YAML block' };
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  const bodyLine = yaml.split('\n').length + 2;
  try {
    return { data: parse(yaml, { uniqueKeys: true }), body, bodyLine };
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = (err.linePos?.[0].line ?? 0) + 1;
      return { data: undefined, body, bodyLine, error: `line ${line}: ${err.message.split('\n')[0]}` };
    }
    // The yaml library throws plain errors while resolving: an alias to no anchor, an alias bomb.
    if (err instanceof Error) return { data: undefined, body, bodyLine, error: err.message.split('\n')[0]! };
    throw err;
  }
}
