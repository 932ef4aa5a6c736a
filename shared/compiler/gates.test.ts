import { describe, expect, it } from 'vitest';
import type { ArticleSource, StepSource } from '../kb/schema';
import { checkGates, cmdletVersions, destructiveReason, isFollowUp, versionProblems } from './gates';

const SEED = { title: 'Source', seed: '000_a8c451fa3ca26885.txt' };

function article(over: Partial<ArticleSource> = {}): ArticleSource {
  return {
    id: 'a',
    title: 'A',
    product: 'activesync',
    kind: 'problem',
    summary: 'S.',
    aliases: [],
    tags: [],
    related: [],
    concepts: [],
    procedures: [],
    shows: [],
    causes: [],
    steps: [],
    kb: [],
    codes: [],
    sources: [SEED],
    replaces: [],
    signatures: [],
    ...over,
  };
}

const cause = (...fix: StepSource[]) => ({ title: 'C', kb: [], fix });
const gate = (over: Partial<ArticleSource>) =>
  checkGates([{ file: 'content/x/a.md', src: article(over) }]).map((p) => `${p.field}: ${p.message}`);

describe('sources gate', () => {
  it('fails an article that names no source, naming the field', () => {
    expect(checkGates([{ file: 'content/x/a.md', src: article({ sources: [] }) }])).toEqual([
      expect.objectContaining({
        file: 'content/x/a.md',
        field: 'sources',
        message: expect.stringMatching(/^required/),
      }),
    ]);
  });

  it('passes an article with a source document or a public one', () => {
    expect(gate({})).toEqual([]);
    expect(gate({ sources: [{ title: 'Remove-MobileDevice', url: 'https://learn.microsoft.com/x' }] })).toEqual([]);
  });
});

describe('destructive steps', () => {
  it.each([
    ['Remove the partnership.', 'Get-MobileDevice -Mailbox alias | Remove-MobileDevice', 'Remove-MobileDevice'],
    ['Wipe the phone.', 'Clear-MobileDevice -Identity x', 'Clear-MobileDevice'],
    [
      'Raise the interval.',
      'Set-ActiveSyncMailboxPolicy -DevicePolicyRefreshInterval unlimited',
      'Set-ActiveSyncMailboxPolicy',
    ],
    ['Run **Security Wipe** on the handset.', undefined, 'Security Wipe'],
    ['Delete the stale user account from the BES.', undefined, 'Delete'],
    ['On iOS, reset network settings.', undefined, 'reset network'],
    ['Change the rules so the IT policy allows PIM sync.', undefined, 'IT policy'],
  ])('recognises "%s" as destructive', (text, command, word) => {
    expect(destructiveReason({ text, command })).toContain(word);
  });

  it.each([
    'Check the BESAdmin permissions against KB10823.',
    'Reset the counter and open a page that failed.',
    'Once the path is clear, start activation again.',
    'Pending items are retried until the icon clears and the message goes.',
    'Read the partnership state.',
  ])('does not flag "%s"', (text) => {
    expect(destructiveReason({ text })).toBeUndefined();
  });

  it('reads article links and bold menu paths as places, not actions', () => {
    expect(destructiveReason({ text: 'Wait (see [hard deletions](eas-hard-deletes-slow-to-sync)).' })).toBeUndefined();
    expect(
      destructiveReason({ text: 'Open **Global > Edit Properties > Enterprise Service Policy** and read it.' }),
    ).toBeUndefined();
    expect(destructiveReason({ text: 'Edit the Enterprise Service Policy so it allows the model.' })).toContain(
      'policy',
    );
    expect(destructiveReason({ text: 'Run **Security Wipe** on the handset.' })).toContain('Security Wipe');
  });

  it('fails a destructive step without a warning, naming the step', () => {
    const problems = gate({ causes: [cause({ text: 'Check first.' }, { text: 'Delete the stale user account.' })] });
    expect(problems).toEqual([
      expect.stringMatching(/^causes\[0\]\.fix\[1\]: "Delete the stale user account\." .*add a warning/),
    ]);
  });

  it('passes a destructive step with a warning after the harmless ones, and its follow-ups', () => {
    const fix = [
      { text: 'Find the account that carries this PIN.' },
      { text: 'Delete the stale user account only.', warning: 'Ends BES service for that account.' },
      { text: 'Then have the user activate again.' },
      { text: 'Check that the device reaches Activation Complete.' },
    ];
    expect(gate({ causes: [cause(...fix)] })).toEqual([]);
  });

  it('fails a destructive step that comes before a harmless step of the same cause', () => {
    const fix = [
      { text: 'Remove the account from the phone.', warning: 'Loses unsent mail.' },
      { text: 'Re-enter the password in the mail settings.' },
    ];
    expect(gate({ causes: [cause(...fix)] })).toEqual([
      expect.stringMatching(/^causes\[0\]\.fix\[0\]: .*comes before the harmless step causes\[0\]\.fix\[1\]/),
    ]);
  });

  it('applies the same rules to procedure steps', () => {
    const steps = [{ text: 'Wipe the handset.', warning: 'Erases it.' }, { text: 'Back up the handset.' }];
    expect(gate({ kind: 'procedure', steps })).toEqual([expect.stringMatching(/^steps\[0\]: .*steps\[1\]/)]);
  });

  it('reads follow-up steps by their first word', () => {
    expect(isFollowUp({ text: 'After the wipe, activate again.' })).toBe(true);
    expect(isFollowUp({ text: '**Verify** the partnership is new.' })).toBe(true);
    expect(isFollowUp({ text: 'Re-add the account.' })).toBe(false);
  });
});

describe('Exchange versions', () => {
  it('knows which versions each cmdlet is for', () => {
    expect(cmdletVersions('Get-MobileDevice')).toMatchObject({ from: 2013, online: true, suggest: 'exchange-2013+' });
    expect(cmdletVersions('Remove-ActiveSyncDevice')).toMatchObject({
      to: 2010,
      online: false,
      suggest: 'exchange-2010',
    });
    expect(cmdletVersions('Get-ActiveSyncDevice').from).toBe(2010);
    expect(cmdletVersions('Get-ActiveSyncDeviceStatistics').from).toBe(2007);
  });

  it('fails a cmdlet without applies, suggesting the value and the other version', () => {
    const [problem] = versionProblems({ text: 'List them.', command: 'Get-MobileDevice -Mailbox alias' });
    expect(problem).toMatch(/applies: \[exchange-2013\+\].*Get-ActiveSyncDevice for Exchange 2010/);
    expect(
      versionProblems({ text: 'Collect the log.', command: 'Get-ActiveSyncDeviceStatistics -Mailbox a' })[0],
    ).toMatch(/exchange-2010.*Get-MobileDeviceStatistics for Exchange 2013 and later/);
  });

  it('fails a version the cmdlet is not for, and passes the right ones', () => {
    expect(versionProblems({ text: 'x', command: 'Get-MobileDevice', applies: ['exchange-2010'] })).toEqual([
      expect.stringContaining('"exchange-2010"'),
    ]);
    expect(
      versionProblems({ text: 'x', command: 'Get-MobileDevice', applies: ['exchange-2013+', 'exchange-online'] }),
    ).toEqual([]);
    expect(versionProblems({ text: 'x', command: 'Remove-ActiveSyncDevice', applies: ['exchange-2010'] })).toEqual([]);
    expect(
      versionProblems({ text: 'x', command: 'Remove-ActiveSyncDevice', applies: ['exchange-2013+'] }),
    ).toHaveLength(1);
  });

  it('reads cmdlets named in the step text too, and rejects a step that mixes versions', () => {
    expect(versionProblems({ text: 'Run `Get-ActiveSyncDevice -Mailbox alias`.' })).toHaveLength(1);
    expect(
      versionProblems({
        text: 'x',
        command: 'Get-MobileDevice | Remove-ActiveSyncDevice',
        applies: ['exchange-2013+'],
      }),
    ).toEqual([expect.stringMatching(/^mixes/)]);
  });

  it('leaves cmdlets that exist in every version alone', () => {
    expect(versionProblems({ text: 'x', command: 'Set-CASMailbox alias -ActiveSyncDebugLogging:$true' })).toEqual([]);
  });

  it('reports through the article gate with the step field', () => {
    expect(gate({ causes: [cause({ text: 'Look.', command: 'Get-MobileDevice -Mailbox a' })] })).toEqual([
      expect.stringMatching(/^causes\[0\]\.fix\[0\]: "Look\." runs Get-MobileDevice/),
    ]);
  });
});
