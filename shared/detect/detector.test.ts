import { describe, expect, it } from 'vitest';
import { compileContent } from '../compiler/compile';
import { readContent } from '../compiler/read-content';
import { fillPlaceholders, generateKnowledge } from '../../test/bench/generate-kb';
import { mulberry32, pick } from '../../test/bench/rng';
import { Detector } from './detector';
import { foldString } from './fold';
import { compilePattern } from './pattern';
import type { DetectableSignature } from './detector';

const sig = (id: string, text: string, extra: Partial<DetectableSignature> = {}): DetectableSignature => ({
  id,
  article: id.split('#')[0]!,
  text,
  specificity: 'exact',
  ...extra,
});

const SIGNATURES: DetectableSignature[] = [
  sig('it-policy#0', 'IT Policy Rejected. Please wipe handheld and try again'),
  sig('server-not-responding#0', 'The server is not responding. Please contact your System Administrator.'),
  sig('waiting#0', 'Encryption Verified. Waiting for Services...'),
  sig('seg-abort#0', 'AW.Eas.Web.Listener.ProxyGateway.GetMailServerResponse *** EXCEPTION ***'),
  sig('seg-abort#1', 'System.Net.WebException: The request was aborted: The request was canceled.'),
  sig('activating#0', 'Activating {email}', {
    specificity: 'generic',
    context: { line: ['enterprise activation', 'blackberry'] },
  }),
  sig('access-denied#0', 'Access Denied', {
    specificity: 'generic',
    context: { line: ['ActiveSync', 'partnership', 'DeviceAccessState'] },
  }),
  sig('http-500#0', '/Microsoft-Server-ActiveSync/default.eas{any} 500 {number} {number}'),
  sig('services-received#0', 'Services Received. Your email address, {email} is now enabled'),
];

const detector = new Detector(SIGNATURES);
const articles = (text: string) => detector.find(text).map((f) => f.article);

describe('detection', () => {
  it('finds a device message and reports offsets into the original text', () => {
    const text = 'Screen: IT Policy Rejected. Please wipe handheld and try again. (tap OK)';
    const [f] = detector.find(text);
    expect(f?.article).toBe('it-policy');
    expect(text.slice(f!.start, f!.end)).toBe('IT Policy Rejected. Please wipe handheld and try again');
    expect(f?.text).toBe(f && text.slice(f.start, f.end));
    expect(f?.confidence).toBeGreaterThan(0.9);
  });

  it('ignores case, line breaks and runs of white space as a device screen wraps them', () => {
    expect(articles('it policy rejected.\n  please WIPE handheld\tand try again')).toEqual(['it-policy']);
  });

  it('treats … and ... alike', () => {
    expect(articles('Encryption Verified. Waiting for Services…')).toEqual(['waiting']);
    expect(articles('Encryption Verified.  Waiting for Services...')).toEqual(['waiting']);
  });

  it('matches a real SEG log line with its timestamp, server name and GUID', () => {
    const line =
      '2017/09/30 15:30:31.256 WDZPRDWINASEG01 46e485ee-c661-4aaa-b59e-a26f27bd7033 [0000000-0000000] (1409) Warn ' +
      'AW.Eas.Web.Listener.ProxyGateway.GetMailServerResponse *** EXCEPTION ***System.Net.WebException: The request was aborted: ' +
      'The request was canceled. at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)';
    expect(articles(line)).toEqual(['seg-abort', 'seg-abort']);
  });

  it('normalises mail addresses, so any user’s activation line matches', () => {
    for (const email of ['jo@contoso.com', 'first.last+bb@sub.example.co.uk']) {
      expect(articles(`BlackBerry enterprise activation: Activating ${email}`)).toEqual(['activating']);
      expect(articles(`Services Received. Your email address, ${email} is now enabled.`)).toEqual([
        'services-received',
      ]);
    }
  });

  it('reports a generic string only with the context that makes it ours', () => {
    expect(articles('DeviceAccessState : Access Denied')).toEqual(['access-denied']);
    expect(articles('iPhone 12  Jo Smith  ActiveSync  Access Denied  2017-09-30')).toEqual(['access-denied']);
    expect(articles('Access denied to \\\\fs01\\home: ask your admin for share rights.')).toEqual([]);
    expect(articles('When the door says Access Denied, knock.\nThe ActiveSync book is on the shelf.')).toEqual([]);
  });

  it('leaves a generic finding out on a line an exact signature explains, and keeps it on other lines', () => {
    const exact = sig('seg#0', 'SEG Accessibility: request to {any} failed');
    const generic = sig('busy#0', '503 Service Unavailable', {
      specificity: 'generic',
      context: { line: ['ActiveSync'] },
    });
    const d = new Detector([exact, generic]);
    const both =
      'SEG Accessibility: request to https://m.example/Microsoft-Server-ActiveSync failed. 503 Service Unavailable';
    expect(d.find(both).map((f) => f.article)).toEqual(['seg']);
    const apart = `${both}\nGET /Microsoft-Server-ActiveSync 503 Service Unavailable`;
    expect(d.find(apart).map((f) => f.article)).toEqual(['seg', 'busy']);
  });

  it('requires a generic pattern’s context to stand on the same line', () => {
    expect(articles('Activating jo@contoso.com')).toEqual([]);
    expect(articles('blackberry\nActivating jo@contoso.com')).toEqual([]);
  });

  it('finds HTTP 500s on ActiveSync requests in an IIS log, not other 500s', () => {
    const log = [
      '2017-09-30 15:30:31 10.1.1.5 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Ping&User=jo&DeviceId=ApplC39 443 jo 10.2.2.2 Apple-iPhone9C1 - 500 0 64 15',
      '2017-09-30 15:30:32 10.1.1.5 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Sync&User=al 443 al 10.2.2.3 Android - 200 0 0 500',
      '2017-09-30 15:30:33 10.1.1.5 GET /owa/ - 443 jo 10.2.2.2 Mozilla - 500 0 0 12',
    ].join('\n');
    const found = detector.find(log);
    expect(found.map((f) => f.article)).toEqual(['http-500']);
    expect(found[0]!.start).toBeLessThan(log.indexOf('\n'));
  });

  it('needs word boundaries, so longer words do not match', () => {
    const d = new Detector([sig('completed#0', 'Completed')]);
    expect(d.find('Uncompleted tasks').length).toBe(0);
    expect(d.find('Status: Completed.').length).toBe(1);
  });

  it('keeps the longer finding when one signature lies inside another', () => {
    const d = new Detector([
      sig('short#0', 'The request was aborted'),
      sig('long#0', 'System.Net.WebException: The request was aborted: The request was canceled.'),
    ]);
    expect(
      d.find('System.Net.WebException: The request was aborted: The request was canceled.').map((f) => f.article),
    ).toEqual(['long']);
    expect(d.find('Note: The request was aborted by the user').map((f) => f.article)).toEqual(['short']);
  });

  it('tells apart signatures that share their anchor, each by its own pattern and context', () => {
    // One anchor, "failed to sync", for all three: each candidate is tried against every one.
    const d = new Detector([
      sig('device#0', 'Device {id} failed to sync'),
      sig('generic#0', 'failed to sync', { specificity: 'generic', context: { line: ['NotifySync'] } }),
      sig('items#0', 'Failed to sync {number} items'),
    ]);
    const found = (text: string) => d.find(text).map((f) => `${f.article}: ${f.text}`);
    expect(found('Device a1b2c3d4e5f6 failed to sync')).toEqual(['device: Device a1b2c3d4e5f6 failed to sync']);
    expect(found('NotifySync: failed to sync')).toEqual(['generic: failed to sync']);
    expect(found('Outlook: failed to sync')).toEqual([]);
    expect(found('Failed to sync 12 items')).toEqual(['items: Failed to sync 12 items']);
  });

  it('reports the signature listed first when two match the same text', () => {
    const exact = sig('exact#0', 'Error 0x80070005');
    const generic = sig('generic#0', 'error 0x80070005', { specificity: 'generic', context: { line: ['Exchange'] } });
    const line = 'Exchange: error 0x80070005';
    expect(new Detector([exact, generic]).find(line).map((f) => f.article)).toEqual(['exact']);
    expect(new Detector([generic, exact]).find(line).map((f) => f.article)).toEqual(['generic']);
  });

  it('finds every planted signature among thousands, where a naive search does', () => {
    // mulberry32: a small PRNG with no short cycles (an LCG here repeats whole phrases).
    let seed = 42;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const word = () =>
      Array.from({ length: 3 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(
        '',
      );
    const many = Array.from({ length: 3000 }, (_, i) =>
      sig(`s${i}#0`, Array.from({ length: 3 + Math.floor(rand() * 4) }, word).join(' ')),
    );
    const d = new Detector(many);
    const lines: string[] = [];
    const planted: string[] = [];
    for (let i = 0; i < 4000; i++) {
      if (i % 10 === 0) {
        const s = many[Math.floor(rand() * many.length)]!;
        planted.push(s.article);
        lines.push(`2026-11-01 10:00:${String(i % 60).padStart(2, '0')} INFO ${s.text.toUpperCase()} done`);
      } else lines.push(Array.from({ length: 12 }, word).join(' '));
    }
    const text = lines.join('\n');
    const found = d.find(text, { maxFindings: 100_000 });
    // Every planted one is found, in order; random filler may add a few real coincidences.
    const foundArticles = found.map((f) => f.article);
    let k = 0;
    for (const a of foundArticles) if (a === planted[k]) k++;
    expect(k).toBe(planted.length);
    for (const f of found) {
      const s = many.find((x) => x.article === f.article)!;
      expect(f.text.toLowerCase().replace(/\s+/g, ' ')).toBe(s.text);
    }
  });

  it('handles a huge hostile text without throwing and caps its findings', () => {
    const hostile = 'DeviceAccessState Access Denied '.repeat(200_000) + '\u202e\u0000'.repeat(1000);
    const found = detector.find(hostile, { maxFindings: 1000 });
    expect(found.length).toBe(1000);
    expect(detector.find('{email} {guid} ((((((((((( [[[[ \\ $^*+?'.repeat(1000))).toEqual([]);
  });

  it('finds what one RegExp per signature finds over the whole text, in real and synthetic logs', () => {
    // The reference: every signature's exact RegExp over the whole text, its context rule on a
    // folded copy of the line, the longer of two nested findings, and no generic finding on a
    // line an exact one holds, all done the slow way.
    const rng = mulberry32(7);
    const real = compileContent(readContent('content', '.')).bundle!.signatures;
    const synthetic = compileContent(generateKnowledge(400) as never).bundle!.signatures;
    const signatures = [...real, ...synthetic];
    const disguise = (line: string) => {
      let out = line.replace(/ /g, () => pick(rng, [' ', ' ', '  ', '\t', '\u00a0', '\u0085']));
      if (rng() < 0.3) out = out.toUpperCase();
      if (rng() < 0.2) out = out.replace('...', '…').replace("'", '’');
      // A near miss now and then: a letter glued on, or one cut off.
      if (rng() < 0.1) out = rng() < 0.5 ? `x${out}` : out.slice(0, -1);
      return out;
    };
    const filler = ['INFO request served', 'GET /owa/ 200 0 0 15', 'ProxyGateway listener up', 'sync ok', 'é’…'];
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const sig = pick(rng, signatures);
      const example = sig.examples[0] ? fillPlaceholders(rng, sig.examples[0]) : sig.text;
      lines.push(rng() < 0.4 ? `${pick(rng, filler)} ${disguise(example)} ${pick(rng, filler)}` : pick(rng, filler));
    }
    const text = lines.join('\n');

    const expected: { signature: string; start: number; end: number }[] = [];
    for (const sig of signatures) {
      const regex = new RegExp(compilePattern(sig.text).source, 'giu');
      const terms = (sig.context?.line ?? []).map(foldString);
      for (const m of text.matchAll(regex)) {
        const start = m.index;
        const end = start + m[0].length;
        if (terms.length) {
          const lineStart = text.lastIndexOf('\n', start - 1) + 1;
          const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
          const line = foldString(text.slice(Math.max(lineStart, start - 400), Math.min(lineEnd, end + 400)));
          if (!terms.some((t) => line.includes(t))) continue;
        }
        expected.push({ signature: sig.id, start, end });
      }
    }
    expected.sort((a, b) => a.start - b.start || b.end - a.end);
    let cover = -1;
    const outer = expected.filter((f) => (f.end <= cover ? false : ((cover = f.end), true)));
    const generic = new Set(signatures.filter((s) => s.specificity === 'generic').map((s) => s.id));
    const lineOf = (f: { start: number }) => text.lastIndexOf('\n', f.start - 1);
    const exactLines = new Set(outer.filter((f) => !generic.has(f.signature)).map(lineOf));
    const kept = outer.filter((f) => !generic.has(f.signature) || !exactLines.has(lineOf(f)));

    const found = new Detector(signatures).find(text, { maxFindings: 100_000 });
    expect(kept.length).toBeGreaterThan(400);
    expect(found.map(({ signature, start, end }) => ({ signature, start, end }))).toEqual(kept);
  });
});
