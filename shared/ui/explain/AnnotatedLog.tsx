import type { Finding } from '../../detect/detector';
import type { Knowledge } from '../app/knowledge';
import { reveal } from '../app/reveal';
import { articleHref } from '../router/routes';
import type { LogBlock, LogLine } from './excerpt';
import { linePieces } from './excerpt';

/**
 * The pasted text with known errors marked where they stand. Everything here is text nodes:
 * the paste may hold markup, and it is shown, never parsed.
 */
export function AnnotatedLog(props: {
  blocks: LogBlock[];
  findings: Finding[];
  numberOf: ReadonlyMap<number, number>;
  knowledge: Knowledge;
}) {
  const { blocks, numberOf, knowledge } = props;
  // The gutter is as wide as the biggest line number shown, so phones keep room for the text.
  const last = blocks.reduce(
    (n, b) => (b.kind === 'lines' ? Math.max(n, b.lines[b.lines.length - 1]?.number ?? 0) : n),
    0,
  );
  return (
    <section class="sf-section" aria-labelledby="sf-your-text">
      <h2 id="sf-your-text">Your text, with known errors marked</h2>
      <div class="sf-log" style={{ '--ln-width': `${String(last).length + 1}ch` }}>
        {blocks.map((b, i) =>
          b.kind === 'gap' ? (
            <p key={i} class="sf-log-gap">
              {b.lines.toLocaleString('en')} {b.lines === 1 ? 'line' : 'lines'} without a known error
            </p>
          ) : (
            <div key={i} class="sf-log-block">
              {b.lines.map((line) => (
                <Line
                  key={line.number}
                  line={line}
                  numberOf={numberOf}
                  knowledge={knowledge}
                  findings={props.findings}
                />
              ))}
            </div>
          ),
        )}
      </div>
    </section>
  );
}

function Line({
  line,
  numberOf,
  knowledge,
  findings,
}: {
  line: LogLine;
  numberOf: ReadonlyMap<number, number>;
  knowledge: Knowledge;
  findings: Finding[];
}) {
  const pieces = linePieces(line.text, line.marks);
  const groupsHere = [...new Set(line.marks.map((m) => numberOf.get(m.finding) ?? 0))].filter(Boolean);
  return (
    <>
      <div class={line.marks.length ? 'sf-log-line sf-log-line-hit' : 'sf-log-line'}>
        <span class="sf-ln" aria-hidden="true">
          {line.number}
        </span>
        <code>
          {pieces.map((p, i) =>
            'clipped' in p ? (
              <span key={i} class="sf-clipped">
                {' '}
                … {p.clipped.toLocaleString('en')} characters …{' '}
              </span>
            ) : p.finding === undefined ? (
              p.text
            ) : (
              <mark key={i} id={`sf-mark-${p.finding}`} class="sf-mark" tabIndex={-1}>
                {p.text}
                <sup class="sf-mark-n">{numberOf.get(p.finding)}</sup>
              </mark>
            ),
          )}
        </code>
      </div>
      {groupsHere.map((n) => {
        const finding = line.marks.find((m) => numberOf.get(m.finding) === n)!;
        const article = knowledge.headers.get(findings[finding.finding]!.article);
        return (
          article && (
            <div key={n} class="sf-log-fix">
              <button
                type="button"
                class="sf-mark-n sf-mark-button"
                aria-label={`Fix ${n}: ${article.title}`}
                onClick={() => reveal(`sf-fix-${n}`)}
              >
                {n}
              </button>
              <a href={articleHref(article.id)}>{article.title}</a>
            </div>
          )
        );
      })}
    </>
  );
}
