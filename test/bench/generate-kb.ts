/**
 * A seeded synthetic knowledge base shaped like content/: the same frontmatter fields, ~10
 * word titles with one distinctive component name, ~40 word summaries, ~10 aliases, a
 * signature on about half the articles (a third of them generic, a fifth with
 * placeholders), and ~300 word bodies. It goes through the real compiler, so what is
 * benchmarked is what would ship.
 */
import type { SourceFile } from '../../shared/compiler/compile';
import { destructiveReason, versionProblems } from '../../shared/compiler/gates';
import type { Kind } from '../../shared/kb/types';
import { PRODUCT_LABELS } from '../../shared/kb/types';
import {
  ACTIONS,
  ENGLISH,
  PRODUCTS,
  PRODUCT_WORDS,
  TECH_WORDS,
  VERB_PHRASES,
  capitalise,
  guid,
  hex,
  pseudoWords,
} from './lexicon';
import type { GeneratedProduct } from './lexicon';
import type { Rng } from './rng';
import { chance, int, mulberry32, pick, sample, zipf } from './rng';

interface Plan {
  id: string;
  product: GeneratedProduct;
  kind: Kind;
  name: string;
}

/** Fills a signature pattern's placeholders the way a real log line would. */
export function fillPlaceholders(rng: Rng, pattern: string): string {
  return pattern
    .replace(/\{email\}/g, () => `${pick(rng, ['jdoe', 'a.smith', 'ops-team'])}@example.com`)
    .replace(/\{guid\}/g, () => guid(rng))
    .replace(/\{number\}/g, () => String(int(rng, 1, 99_999)))
    .replace(
      /\{time\}/g,
      () => `2024-03-${String(int(rng, 10, 28))} 0${int(rng, 0, 9)}:${int(rng, 10, 59)}:${int(rng, 10, 59)}`,
    )
    .replace(/\{id\}/g, () => hex(rng, 12))
    .replace(/\{any\}/g, () => 'at step 3');
}

const q = (s: string) => JSON.stringify(s);
const list = (items: readonly string[]) => `[${items.map(q).join(', ')}]`;

interface GeneratedStep {
  text: string;
  command?: string;
}

/**
 * Steps as YAML lines that pass the compiler's safety gates, as real content must: a step the
 * gates read as destructive (the lexicon has "security wipe", cmdlet names) gets a warning and
 * moves after the harmless ones; one naming a versioned Exchange cmdlet gets its versions.
 */
function stepLines(steps: readonly GeneratedStep[], indent: string): string[] {
  const ordered = [...steps.filter((s) => !destructiveReason(s)), ...steps.filter((s) => destructiveReason(s))];
  const more = `${indent}  `;
  return ordered.flatMap((step) => {
    const lines = [`${indent}- text: ${q(step.text)}`];
    if (step.command) lines.push(`${more}command: ${q(step.command)}`, `${more}lang: powershell`);
    if (destructiveReason(step)) lines.push(`${more}warning: "Synthetic warning."`);
    const suggested = /applies: \[([^\]]+)\]/.exec(versionProblems(step)[0] ?? '')?.[1];
    if (suggested) lines.push(`${more}applies: [${suggested}]`);
    return lines;
  });
}

export function generateKnowledge(count: number, seed = 20_240_311): SourceFile[] {
  const rng = mulberry32(seed + count);
  // The long tail: more articles bring more rare words, sub-linearly (Zipf use of a pool).
  const tail = pseudoWords(rng, 3000 + 3 * count);
  const tailWord = zipf(tail, 1.05);
  const english = zipf(ENGLISH, 0.8);
  const tech = zipf(TECH_WORDS, 0.9);
  const names = pseudoWords(mulberry32(seed + count + 1), count).map(capitalise);

  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const product = i < PRODUCTS.length ? PRODUCTS[i]! : pick(rng, PRODUCTS);
    const r = rng();
    const kind: Kind = i < PRODUCTS.length ? 'concept' : r < 0.45 ? 'problem' : r < 0.75 ? 'concept' : 'procedure';
    plans.push({ id: `syn-${product}-${i}`, product, kind, name: names[i]! });
  }
  const byProduct = (kind: Kind, product: GeneratedProduct) =>
    plans.filter((p) => p.kind === kind && p.product === product);
  const concepts = new Map(PRODUCTS.map((p) => [p, byProduct('concept', p)]));
  const procedures = new Map(PRODUCTS.map((p) => [p, byProduct('procedure', p)]));
  const claimed = new Set<string>();

  return plans.map((plan, i) => {
    const { product, kind, name } = plan;
    const label = PRODUCT_LABELS[product];
    const pwords = PRODUCT_WORDS[product];
    const pterm = pick(rng, pwords);
    const keyTerms = [name, pterm, pick(rng, pwords), tailWord(rng)];
    const word = (): string => {
      const x = rng();
      if (x < 0.12) return pick(rng, keyTerms);
      if (x < 0.2) return pick(rng, pwords);
      if (x < 0.42) return tech(rng);
      if (x < 0.82) return english(rng);
      return tailWord(rng);
    };
    const sentence = (n: number) => {
      const ws = Array.from({ length: n }, word);
      return `${capitalise(ws.join(' '))}.`;
    };
    const paragraph = (sentences: number) =>
      Array.from({ length: sentences }, () => sentence(int(rng, 8, 16))).join(' ');

    let title: string;
    if (kind === 'problem') {
      title = `${label} ${pterm} ${pick(rng, VERB_PHRASES)} the ${name} ${tech(rng)} ${tailWord(rng)}`;
    } else if (kind === 'concept') {
      title = `${label} ${name} ${pterm}: how the ${tech(rng)} ${pick(rng, ENGLISH.slice(43, 82))} ${tech(rng)}`;
    } else {
      title = `${pick(rng, ACTIONS)} the ${name} ${pterm} on ${label} ${tech(rng)}`;
    }

    const code = `0x${hex(rng, 8)}`;
    const signatures: string[] = [];
    let errorText = `${name} ${tech(rng)} error ${code}`;
    if (chance(rng, 0.52)) {
      const shape = rng();
      let text: string;
      let where = pick(rng, ['device', 'console', 'log']);
      let context = '';
      if (shape < 0.45) {
        text = `${name} ${tech(rng)} error ${code}: ${sentence(int(rng, 4, 7))
          .slice(0, -1)
          .toLowerCase()}`;
      } else if (shape < 0.65) {
        text = pick(rng, [
          `Sync for {email} failed on ${name} ${tech(rng)} (${code})`,
          `${name}: request {guid} rejected by ${pterm} ${code}`,
          `{time} ${name}.Listener failed after {number} retries ${code}`,
        ]);
        where = 'log';
      } else {
        text = `${capitalise(tech(rng))} ${name} ${int(rng, 100, 999)}`;
        context = `      context:\n        line: ${list([label, pterm])}\n`;
      }
      if (!claimed.has(text.toLowerCase())) {
        claimed.add(text.toLowerCase());
        errorText = text
          .replace(/\{[a-z]+\}/g, '')
          .replace(/\s+/g, ' ')
          .trim();
        const example = `${context ? `${label} ${pterm}: ` : ''}${fillPlaceholders(rng, text)}${context ? ' (retry 2)' : ''}`;
        signatures.push(
          `  - text: ${q(text)}\n    where: ${where}\n` +
            (context ? `    specificity: generic\n${context.replace(/^ {6}/gm, '    ')}` : '') +
            `    examples:\n      - ${q(example)}\n`,
        );
      }
    }

    const aliases = [
      name,
      `${name} ${tech(rng)}`,
      pterm,
      label,
      ...sample(rng, pwords, int(rng, 2, 5)),
      `${tech(rng)} ${tech(rng)}`,
      tailWord(rng),
      code,
    ];
    const fm: string[] = [
      `id: ${plan.id}`,
      `title: ${q(title)}`,
      `product: ${product}`,
      `kind: ${kind}`,
      `summary: ${q(`${sentence(int(rng, 14, 20))} ${sentence(int(rng, 14, 22))}`)}`,
      `aliases: ${list([...new Set(aliases)])}`,
      `tags: ${list([...new Set([product, tech(rng).toLowerCase(), name.toLowerCase()])].map((t) => t.replace(/[^a-z0-9-]/g, '-')))}`,
      `related: ${list([plans[(i + 1) % count]!.id, ...(i > 10 && chance(rng, 0.5) ? [plans[int(rng, 0, i - 1)]!.id] : [])].filter((id) => id !== plan.id))}`,
    ];
    if (chance(rng, 0.5)) fm.push(`kb: [KB${int(rng, 10_000, 99_999)}]`);
    const command = () =>
      `Set-${name}${capitalise(tech(rng).replace(/[^A-Za-z]/g, ''))} -Identity ${tailWord(rng)} -Enabled $true`;
    if (kind === 'problem') {
      const own = concepts.get(product)!;
      fm.push(
        `symptom: ${q(`The ${pick(rng, ['device', 'console', 'log'])} shows "${errorText}" ${sentence(int(rng, 5, 9)).toLowerCase()}`)}`,
      );
      fm.push(`shows: [${pick(rng, ['device', 'console', 'log', 'mailbox'])}]`);
      fm.push(`concepts: ${list([pick(rng, own).id])}`);
      const procs = procedures.get(product)!;
      if (procs.length && chance(rng, 0.4)) fm.push(`procedures: ${list([pick(rng, procs).id])}`);
      fm.push('causes:');
      for (let c = int(rng, 1, 2); c > 0; c--) {
        fm.push(`  - title: ${q(sentence(int(rng, 6, 10)).slice(0, -1))}`);
        if (chance(rng, 0.5)) fm.push(`    check: ${q(sentence(int(rng, 8, 12)))}`);
        fm.push('    fix:');
        const fix: GeneratedStep[] = [];
        for (let s = int(rng, 2, 3); s > 0; s--) {
          const text = sentence(int(rng, 8, 14));
          fix.push({ text, ...(chance(rng, 0.3) && { command: command() }) });
        }
        fm.push(...stepLines(fix, '      '));
      }
    } else if (kind === 'procedure') {
      fm.push('steps:');
      const steps: GeneratedStep[] = [];
      for (let s = int(rng, 3, 5); s > 0; s--) {
        const text = sentence(int(rng, 8, 14));
        steps.push({ text, ...(chance(rng, 0.3) && { command: command() }) });
      }
      fm.push(...stepLines(steps, '  '));
    }
    fm.push('sources:', '  - seed: 000_a8c451fa3ca26885.txt', '    section: synthetic');
    if (signatures.length) fm.push('signatures:', ...signatures.map((s) => s.trimEnd()));

    const related = plans[(i + 1) % count]!;
    const body = [
      paragraph(int(rng, 6, 8)),
      `## ${capitalise(pick(rng, ['what happens', 'why it happens', 'how to tell', 'background']))}`,
      `${paragraph(int(rng, 5, 7))} See [${related.name}](${related.id}) for the ${tech(rng)} side.`,
      Array.from({ length: int(rng, 3, 4) }, () => `- ${sentence(int(rng, 6, 10))}`).join('\n'),
      `${paragraph(int(rng, 5, 7))} The ${pterm} reports \`${errorText}\` when this happens.`,
    ].join('\n\n');
    return { path: `content/${product}/${plan.id}.md`, source: `---\n${fm.join('\n')}\n---\n${body}\n` };
  });
}
