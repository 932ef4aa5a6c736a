import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Detector } from './detector';
import { PLACEHOLDERS, placeholderTable } from './placeholders';
import type { Placeholder } from './placeholders';

describe('placeholders', () => {
  it('are documented for authors exactly as the matcher defines them', () => {
    const readme = readFileSync(new URL('../../content/README.md', import.meta.url), 'utf8');
    expect(readme).toContain(placeholderTable());
  });

  it('match each of their documented examples inside a signature', () => {
    for (const [name, p] of Object.entries(PLACEHOLDERS) as [string, Placeholder][]) {
      const detector = new Detector([
        { id: `${name}#0`, article: name, text: `value {${name}} seen`, specificity: 'exact' },
      ]);
      for (const example of p.examples) {
        expect(detector.find(`the value ${example} seen here`), `{${name}} ~ ${example}`).toHaveLength(1);
      }
    }
  });
});
