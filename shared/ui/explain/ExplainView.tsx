import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../detect/detector';
import { PageHeading } from '../app/PageHeading';
import type { Knowledge } from '../app/knowledge';
import { AnnotatedLog } from './AnnotatedLog';
import { exampleLog } from './example-log';
import { buildExcerpt, groupByArticle } from './excerpt';
import { FixCards } from './FixCards';
import { loadPastedText, savePastedText } from './pasted-text';
import { scanInSlices } from './scan';

type Scan =
  | { state: 'empty' }
  | { state: 'scanning'; progress: number }
  | { state: 'done'; text: string; findings: Finding[]; capped: boolean; lines: number };

/** Typing waits for a pause; a paste or a file is scanned at once. */
const TYPING_PAUSE_MS = 300;
/**
 * Beyond this, text is explained without being put in the text box: laying out 5 MB in a
 * textarea alone blocks Chromium's main thread for about 2 s, longer than the whole scan.
 */
const LARGE_TEXT = 200_000;

export function ExplainView({ knowledge }: { knowledge: Knowledge }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [scan, setScan] = useState<Scan>({ state: 'empty' });
  const [large, setLarge] = useState<number>();
  const running = useRef<AbortController>();
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();

  const explain = async (text: string) => {
    running.current?.abort();
    clearTimeout(typingTimer.current);
    savePastedText(text);
    if (!text.trim()) {
      setScan({ state: 'empty' });
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    setScan({ state: 'scanning', progress: 0 });
    try {
      const result = await scanInSlices(knowledge.detector, text, {
        signal: controller.signal,
        onProgress: (scanned, total) => setScan({ state: 'scanning', progress: scanned / total }),
      });
      if (controller.signal.aborted) return;
      setScan({ state: 'done', text, ...result, lines: countLines(text) });
    } catch (e) {
      if (!controller.signal.aborted) throw e;
    }
  };

  useEffect(() => {
    // Restored text takes the same road as pasted text: a large one stays out of the box.
    const initial = loadPastedText();
    if (initial) setText(initial);
    return () => running.current?.abort();
    // The knowledge is fixed for the life of the view.
  }, []);

  const setText = (text: string) => {
    const isLarge = text.length > LARGE_TEXT;
    setLarge(isLarge ? text.length : undefined);
    if (area.current) area.current.value = isLarge ? '' : text;
    void explain(text);
  };

  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LARGE_TEXT) return;
    e.preventDefault();
    setText(text);
  };

  const onInput = (e: Event) => {
    const text = (e.currentTarget as HTMLTextAreaElement).value;
    const pasted = (e as InputEvent).inputType === 'insertFromPaste';
    clearTimeout(typingTimer.current);
    setLarge(undefined);
    if (pasted) void explain(text);
    else typingTimer.current = setTimeout(() => void explain(text), TYPING_PAUSE_MS);
  };

  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };

  return (
    <section class="sf-page sf-explain">
      <PageHeading>Explain this log</PageHeading>
      <p class="sf-lead">
        Paste a log, a device message or a console table. Every error the guide knows is highlighted where it stands,
        with its fix. The text stays on this device.
      </p>
      <label class="sf-label" for="sf-explain-input">
        Text to explain
      </label>
      <textarea
        id="sf-explain-input"
        ref={area}
        class="sf-textarea"
        rows={7}
        spellcheck={false}
        autocapitalize="off"
        autocomplete="off"
        placeholder={large ? 'Paste or type to replace the large text' : 'Paste text here'}
        onInput={onInput}
        onPaste={onPaste}
      />
      {large !== undefined && (
        <p class="sf-note sf-large-note">
          Explaining {formatSize(large)} of pasted text. It is too large to show in the box; the lines with known errors
          are shown below.
        </p>
      )}
      <div class="sf-actions">
        <label class="sf-button sf-file">
          <input type="file" accept=".log,.txt,.csv,text/*" onChange={onFile} />
          Open a log file
        </label>
        <button type="button" class="sf-button" onClick={() => setText(exampleLog(knowledge))}>
          Try an example
        </button>
        <button type="button" class="sf-button sf-button-quiet" onClick={() => setText('')}>
          Clear
        </button>
      </div>
      <ExplainResult scan={scan} knowledge={knowledge} />
    </section>
  );
}

function ExplainResult({ scan, knowledge }: { scan: Scan; knowledge: Knowledge }) {
  const done = scan.state === 'done' ? scan : undefined;
  const groups = useMemo(() => (done ? groupByArticle(done.findings) : []), [done]);
  const blocks = useMemo(() => (done ? buildExcerpt(done.text, done.findings) : []), [done]);
  const numberOf = useMemo(() => {
    const byFinding = new Map<number, number>();
    groups.forEach((g, n) => g.findings.forEach((f) => byFinding.set(f, n + 1)));
    return byFinding;
  }, [groups]);

  let status = '';
  if (scan.state === 'scanning') status = `Looking for known errors… ${Math.round(scan.progress * 100)}%`;
  else if (done && !done.findings.length) status = `No known error in ${plural(done.lines, 'line')}.`;
  else if (done) {
    status = `${plural(groups.length, 'known error')} found (${plural(done.findings.length, 'occurrence')}${done.capped ? ', the first ones only' : ''}) in ${plural(done.lines, 'line')}.`;
  }

  return (
    <div class="sf-explain-result">
      <p class="sf-status" role="status">
        {status}
      </p>
      {done && !done.findings.length && (
        <p class="sf-note">
          Try the search box with the message in your own words: not every error has a fingerprint in the guide yet.
        </p>
      )}
      {done && groups.length > 0 && (
        <>
          <FixCards groups={groups} findings={done.findings} knowledge={knowledge} text={done.text} />
          <AnnotatedLog blocks={blocks} numberOf={numberOf} findings={done.findings} knowledge={knowledge} />
        </>
      )}
    </div>
  );
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
