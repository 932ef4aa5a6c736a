/**
 * How the structured parts of an article read to people: version labels (`exchange-2013+`
 * → "Exchange 2013 and later") and code labels (`eas 9 FolderSync` → "FolderSync status 9").
 * The schema uses the same parsers to reject what it cannot label.
 */
import type { Code } from './types';
import { VERSION_FAMILIES } from './types';

const VERSION = /^(?:[0-9][0-9.]*|[a-z][a-z0-9.]*)$/;

/** The display label of an `applies` value, or undefined when it names no known family. */
export function versionLabel(value: string): string | undefined {
  const plus = value.endsWith('+');
  const bare = plus ? value.slice(0, -1) : value;
  // Longest family first: `exchange-online` before `exchange`.
  const family = Object.keys(VERSION_FAMILIES)
    .sort((a, b) => b.length - a.length)
    .find((f) => bare === f || bare.startsWith(`${f}-`));
  if (!family) return undefined;
  const version = bare.slice(family.length + 1);
  if (version && !VERSION.test(version)) return undefined;
  if (!version && plus) return undefined;
  const name = VERSION_FAMILIES[family]!;
  const shown = version.replace(/^v(\d)/, 'V$1');
  return [name, shown].filter(Boolean).join(' ') + (plus ? ' and later' : '');
}

export function codeLabel(code: Code): string {
  switch (code.scheme) {
    case 'http':
      return `HTTP ${code.code}`;
    case 'eas':
      return code.command ? `${code.command} status ${code.code}` : `ActiveSync status ${code.code}`;
    case 'event':
      return code.provider ? `Event ${code.code} (${code.provider})` : `Event ${code.code}`;
    case 'hresult':
      return code.code;
  }
}
