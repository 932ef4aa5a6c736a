import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileContent, formatProblem } from './compile';
import type { SourceFile } from './compile';
import { readContent } from './read-content';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mini = readContent(`${root}/test/fixtures/content-mini`, `${root}/test/fixtures`);

/** The mini knowledge base with one file replaced (or added). */
function withFile(path: string, source: string): SourceFile[] {
  return [...mini.filter((f) => f.path !== path), { path, source }];
}

function edit(path: string, change: (source: string) => string): SourceFile[] {
  const file = mini.find((f) => f.path === path);
  if (!file) throw new Error(`no fixture ${path}`);
  return withFile(path, change(file.source));
}

function problems(files: SourceFile[]): string[] {
  return compileContent(files).problems.map(formatProblem);
}

const PROBLEM = 'content-mini/bes/mini-it-policy-rejected.md';

describe('content compiler', () => {
  it('compiles valid content into one bundle with articles, signatures and a search index', () => {
    const { bundle, problems: found } = compileContent(mini, { date: '2026-11-01' });
    expect(found).toEqual([]);
    expect(bundle?.articles.map((a) => a.id).sort()).toEqual([
      'mini-access-denied',
      'mini-it-policy-rejected',
      'mini-partnerships',
      'mini-resend',
      'mini-stage-3',
    ]);
    expect(bundle?.signatures).toHaveLength(5);
    expect(bundle?.search.docs).toHaveLength(5);
    // No fuse.js index: search makes records for the few articles fuse.js scores.
    expect(Object.keys(bundle!.search).sort()).toEqual(['docs', 'tokens']);
    // The prebuilt vocabulary search reads at start-up instead of every article body.
    const tokens = bundle!.search.tokens;
    expect(tokens.words.split(' ')).toContain('partnership');
    expect(tokens.postings.split(',').length - 1).toBe(3 * tokens.words.split(' ').length);
    expect(bundle?.date).toBe('2026-11-01');
    expect(bundle?.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('changes the content version when any file changes', () => {
    const a = compileContent(mini).bundle?.version;
    const b = compileContent(edit(PROBLEM, (s) => s.replace('Back up the device.', 'Back up the handset.'))).bundle
      ?.version;
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('renders bodies and steps to safe HTML with in-app article links', () => {
    const { bundle } = compileContent(mini);
    const concept = bundle?.articles.find((a) => a.id === 'mini-partnerships');
    expect(concept?.html).toContain('href="#/a/mini-access-denied"');
    const problem = bundle?.articles.find((a) => a.id === 'mini-it-policy-rejected');
    expect(problem?.causes[0]?.fix[1]?.html).toBe(
      'Run <strong>Security Wipe</strong> on the device, then activate again.',
    );
    expect(problem?.causes[0]?.fix[1]?.text).toBe('Run Security Wipe on the device, then activate again.');
  });

  it('names the file, field and reason for a missing fix', () => {
    const files = edit(PROBLEM, (s) =>
      s.replace(
        / {4}fix:\n {6}- Back up the device.\n {6}- text: "Run \*\*Security Wipe\*\* on the device, then activate again."\n {8}warning: Erases the device.\n/,
        '',
      ),
    );
    expect(problems(files)).toContain(`${PROBLEM}: causes[0].fix: required`);
  });

  it('rejects values outside the allowed set, naming the value', () => {
    const found = problems(edit(PROBLEM, (s) => s.replace('product: bes', 'product: lotus')));
    expect(found).toContain(
      `${PROBLEM}: product: must be one of bes, blackberry, activesync, seg, notifysync, zpush, got "lotus"`,
    );
  });

  it('rejects unknown fields so typos do not silently drop content', () => {
    const found = problems(edit(PROBLEM, (s) => s.replace('shows: [device]', 'shows: [device]\nsymptoms: oops')));
    expect(found).toContain(`${PROBLEM}: symptoms: unknown field`);
  });

  it('rejects duplicate ids', () => {
    const copy = mini.find((f) => f.path === PROBLEM)!;
    const found = problems([
      ...mini,
      {
        path: 'content-mini/bes/copy/mini-it-policy-rejected.md',
        source: copy.source.replace(/signatures:[\s\S]*?---\n/, '---\n'),
      },
    ]);
    expect(found.some((line) => /duplicate id "mini-it-policy-rejected", also used by/.test(line))).toBe(true);
  });

  it('rejects links to ids that do not exist, in frontmatter and in the body', () => {
    const found = problems(
      edit(PROBLEM, (s) =>
        s
          .replace('concepts: [mini-stage-3]', 'concepts: [mini-stage-9]')
          .replace('cannot overwrite it.', 'cannot overwrite it. See [x](no-such-article).'),
      ),
    );
    expect(found).toContain(`${PROBLEM}: concepts[0]: links to "mini-stage-9", which does not exist`);
    expect(found).toContain(`${PROBLEM}: body: links to "no-such-article", which does not exist`);
  });

  it('reads a cause check as inline Markdown: plain text and HTML, its links checked', () => {
    const withCheck = (check: string) =>
      edit(PROBLEM, (s) =>
        s.replace(
          '  - title: The device was active on another BES with a different configuration database\n',
          `  - title: The device was active on another BES with a different configuration database\n    check: "${check}"\n`,
        ),
      );
    const { bundle } = compileContent(withCheck('Look for `ETP.dat` ([stage 3](mini-stage-3)).'));
    const cause = bundle!.articles.find((a) => a.id === 'mini-it-policy-rejected')!.causes[0]!;
    expect(cause.check).toBe('Look for ETP.dat (stage 3).');
    expect(cause.checkHtml).toContain('<code>ETP.dat</code>');
    expect(cause.checkHtml).toMatch(/<a [^>]*href="#\/a\/mini-stage-3"/);
    expect(problems(withCheck('See [x](no-such-article).'))).toContain(
      `${PROBLEM}: causes[0].check: links to "no-such-article", which does not exist`,
    );
  });

  it('rejects a signature claimed by two articles', () => {
    const found = problems(
      edit('content-mini/notifysync/mini-resend.md', (s) =>
        s.replace(
          '- text: "StatusException: Conflict matching the client and server object"',
          '- text: "IT Policy Rejected. Please wipe handheld and try again"',
        ),
      ),
    );
    expect(
      found.some((l) =>
        l.includes(
          'signatures[0].text: "IT Policy Rejected. Please wipe handheld and try again" is already claimed by article',
        ),
      ),
    ).toBe(true);
  });

  it('rejects a signature that does not match its own example', () => {
    const found = problems(
      edit(PROBLEM, (s) =>
        s.replace(
          'examples: ["IT Policy Rejected. Please wipe handheld and try again."]',
          'examples: ["IT Policy Rejected. Please wipe the handheld"]',
        ),
      ),
    );
    expect(found).toContain(
      `${PROBLEM}: signatures[0].examples[0]: does not match its own signature "IT Policy Rejected. Please wipe handheld and try again": "IT Policy Rejected. Please wipe the handheld"`,
    );
  });

  it('rejects a signature that matches one of its counterexamples', () => {
    const found = problems(edit(PROBLEM, (s) => s.replace('said the admin.', 'said the BlackBerry admin.')));
    expect(
      found.some((l) =>
        l.startsWith(`${PROBLEM}: signatures[1].counterexamples[0]: matches signature "Activating {email}"`),
      ),
    ).toBe(true);
  });

  it('requires context for a generic signature', () => {
    const found = problems(
      edit(PROBLEM, (s) => s.replace(/ {4}context:\n {6}line: \[enterprise activation, BlackBerry\]\n/, '')),
    );
    expect(found).toContain(
      `${PROBLEM}: signatures[1].context: required for a generic signature (the words that make it ours)`,
    );
  });

  it('rejects raw HTML and javascript: links in bodies and steps', () => {
    const found = problems(
      edit(PROBLEM, (s) =>
        s
          .replace(
            'cannot overwrite it.',
            'cannot <img src=x onerror=alert(1)> overwrite it. [click](javascript:alert(1))',
          )
          .replace('- Back up the device.', '- "Back up the device [now](javascript:void(0))."'),
      ),
    );
    expect(found).toContain(`${PROBLEM}: body: raw HTML is not allowed: "<img src=x onerror=alert(1)>"`);
    expect(found).toContain(`${PROBLEM}: body: unsafe link: "javascript:alert(1)"`);
    expect(found).toContain(`${PROBLEM}: causes[0].fix[0]: unsafe link: "javascript:void(0)"`);
  });

  it('reports YAML syntax errors with their line', () => {
    const found = problems(edit(PROBLEM, (s) => s.replace('shows: [device]', 'shows: [device')));
    expect(found.some((l) => /^content-mini\/bes\/mini-it-policy-rejected\.md: frontmatter: line \d+: /.test(l))).toBe(
      true,
    );
  });

  it('requires the id to equal the file name and the product to match the folder', () => {
    const found = problems(
      edit(PROBLEM, (s) =>
        s.replace('id: mini-it-policy-rejected', 'id: it-policy').replace('product: bes', 'product: activesync'),
      ),
    );
    expect(found).toContain(`${PROBLEM}: id: must equal the file name "mini-it-policy-rejected", got "it-policy"`);
    expect(found).toContain(`${PROBLEM}: product: must match its folder "bes", got "activesync"`);
  });

  it('reports an article nothing links to as an orphan', () => {
    const unlinked = problems(
      edit('content-mini/bes/mini-stage-3.md', (s) => s.replace('related: [mini-it-policy-rejected]', 'related: []')),
    );
    expect(unlinked).toContain(`${PROBLEM}: id: "mini-it-policy-rejected" is an orphan: no other article links to it`);
    const orphan = withFile(
      'content-mini/bes/mini-lonely.md',
      '---\nid: mini-lonely\ntitle: Lonely\nproduct: bes\nkind: concept\nsummary: Nobody links here.\n---\nBody.\n',
    );
    expect(problems(orphan)).toContain(
      'content-mini/bes/mini-lonely.md: id: "mini-lonely" is an orphan: no other article links to it',
    );
  });

  it('fails the build on the safety gates, naming the file, the field and the step', () => {
    const found = problems(
      edit(PROBLEM, (s) =>
        s.replace(/\nsources:\n(?: {2}.*\n)*/, '\n').replace('        warning: Erases the device.\n', ''),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content-mini\/bes\/mini-it-policy-rejected\.md: sources: required/),
        expect.stringMatching(
          /^content-mini\/bes\/mini-it-policy-rejected\.md: causes\[0\]\.fix\[1\]: "Run \*\*Security Wipe\*\*.*add a warning/,
        ),
      ]),
    );
    expect(
      compileContent(edit(PROBLEM, (s) => s.replace('        warning: Erases the device.\n', ''))).bundle,
    ).toBeUndefined();
  });

  it('reports a file without frontmatter', () => {
    expect(problems(withFile('content-mini/bes/empty.md', 'Just text\n'))).toContain(
      'content-mini/bes/empty.md: frontmatter: missing: the file must start with a --- YAML block ---',
    );
  });

  describe('sources, codes, versions and merged ids', () => {
    /** The fixture without its own sources, for tests that write their own. */
    const unsourced = (s: string) => s.replace(/\nsources:\n(?: {2}.*\n)*/, '\n');
    const addFields = (fields: string) =>
      edit(PROBLEM, (s) => (fields.includes('sources:') ? unsourced(s) : s).replace('causes:', `${fields}\ncauses:`));

    it('keeps sources, codes and the versions a step applies to in the bundle', () => {
      const files = edit(PROBLEM, (s) =>
        unsourced(s)
          .replace(
            'causes:',
            [
              'sources:',
              '  - seed: 000_a8c451fa3ca26885.txt',
              '    section: Stage 3',
              '  - title: "[MS-ASHTTP] HTTP status codes"',
              '    url: https://learn.microsoft.com/openspecs/ms-ashttp',
              'codes:',
              '  - http: 449',
              '  - eas: 9',
              '    command: FolderSync',
              '  - event: 3033',
              '    provider: MSExchange ActiveSync',
              '  - hresult: "0x80070005"',
              'causes:',
            ].join('\n'),
          )
          .replace(
            '      - Back up the device.',
            '      - text: Back up the device.\n        applies: [bes-5, exchange-2013+]',
          ),
      );
      const { bundle, problems: found } = compileContent(files);
      expect(found).toEqual([]);
      const article = bundle!.articles.find((a) => a.id === 'mini-it-policy-rejected')!;
      expect(article.sources).toEqual([
        { title: expect.stringContaining('BES Troubleshooting'), seed: '000_a8c451fa3ca26885.txt', section: 'Stage 3' },
        { title: '[MS-ASHTTP] HTTP status codes', url: 'https://learn.microsoft.com/openspecs/ms-ashttp' },
      ]);
      expect(article.codes).toEqual([
        { scheme: 'http', code: '449' },
        { scheme: 'eas', code: '9', command: 'FolderSync' },
        { scheme: 'event', code: '3033', provider: 'MSExchange ActiveSync' },
        { scheme: 'hresult', code: '0x80070005' },
      ]);
      expect(article.causes[0]!.fix[0]!.applies).toEqual(['bes-5', 'exchange-2013+']);
    });

    it('names the field and value of a source, code or version it cannot use', () => {
      const found = problems(
        addFields(
          [
            'sources:',
            '  - seed: 009_unknown.txt',
            '  - title: A page',
            '    url: notaurl',
            'codes:',
            '  - http: 4490',
            '  - event: 3033',
            '  - eas: 9',
            '    http: 500',
          ].join('\n'),
        ).map((f) =>
          f.path === PROBLEM
            ? {
                ...f,
                source: f.source.replace(
                  '      - Back up the device.',
                  '      - text: Back up.\n        applies: [exchange2013]',
                ),
              }
            : f,
        ),
      );
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^content-mini\/bes\/mini-it-policy-rejected\.md: sources\[0\]\.seed: must be one of .*got "009_unknown.txt"$/,
          ),
          `${PROBLEM}: sources[1].url: must be an http(s) address, got "notaurl"`,
          expect.stringMatching(/codes\[0\]\.http: "4490" is not a http code/),
          `${PROBLEM}: codes[1].provider: required for an event`,
          `${PROBLEM}: codes[2]: must name exactly one of http, eas, event, hresult`,
          `${PROBLEM}: causes[0].fix[0].applies[0]: must be a product and version such as exchange-2013+ or bbos-6, got "exchange2013"`,
        ]),
      );
    });

    it('leads the id of a merged article to the one that replaced it, unless that id is still in use', () => {
      const merged = compileContent(addFields('replaces: [old-it-policy, older-it-policy]'));
      expect(merged.problems).toEqual([]);
      expect(merged.bundle!.redirects).toEqual({
        'old-it-policy': 'mini-it-policy-rejected',
        'older-it-policy': 'mini-it-policy-rejected',
      });
      expect(problems(addFields('replaces: [mini-stage-3]'))).toContain(
        `${PROBLEM}: replaces[0]: "mini-stage-3" is still in use by content-mini/bes/mini-stage-3.md`,
      );
    });
  });
});
