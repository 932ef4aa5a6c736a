import { describe, expect, it } from 'vitest';
import { CodeLookup, codeKey, codeLabel, codesInQuery } from './codes';

const commands = new Map([
  ['foldersync', 'FolderSync'],
  ['sync', 'Sync'],
]);

describe('codes a query names', () => {
  it('reads bare codes, statuses of a command, events and HRESULTs', () => {
    expect(codesInQuery('449', commands)).toEqual(['http:449']);
    expect(codesInQuery('status 9 foldersync', commands)).toEqual(['eas:FolderSync:9', 'eas:9']);
    expect(codesInQuery('0x80070005', commands)).toEqual(['hresult:0x80070005']);
    expect(codesInQuery('Event ID: 3033', commands)).toContain('event:3033');
    expect(codesInQuery('177', commands)).toEqual(['eas:177']);
    expect(codesInQuery("[ERROR] request failed httpcode='500'", commands)).toContain('http:500');
    expect(codesInQuery('HTTP/1.1 503 Service Unavailable from the load balancer', commands)).toContain('http:503');
  });

  it('leaves alone numbers that are counts, versions or times', () => {
    expect(codesInQuery('f5 timeout 900', commands)).toEqual([]);
    expect(codesInQuery('iphone 6 not syncing', commands)).toEqual([]);
    expect(codesInQuery('we have 450 users on exchange 2010 and mail is slow', commands)).toEqual([]);
  });

  it('keys and labels claimed codes the way users read them', () => {
    const key = codeKey({ scheme: 'eas', code: '9', command: 'FolderSync' });
    expect(key).toBe('eas:FolderSync:9');
    expect(codeLabel(key)).toBe('FolderSync status 9');
    expect(codeLabel(codeKey({ scheme: 'http', code: '449' }))).toBe('HTTP 449');
    expect(codeLabel(codeKey({ scheme: 'hresult', code: '0x80070005' }))).toBe('0x80070005');
  });
});

describe('CodeLookup', () => {
  const lookup = new CodeLookup([['http:449'], ['eas:FolderSync:9', 'http:413'], ['eas:9']]);

  it('finds the command-specific claim before the common one', () => {
    expect(lookup.find('foldersync status 9').map((h) => h.doc)).toEqual([1, 2]);
  });

  it('lets an HTTP status decide alone only in a bare query or beside ActiveSync words', () => {
    expect(lookup.find('413')[0]).toEqual({ doc: 1, key: 'http:413', decisive: true });
    expect(lookup.find('Server: Error 413 Payload too large (>1 MB)')[0]?.decisive).toBe(false);
    expect(lookup.find('ActiveSync returns error 413 when sending attachments')[0]?.decisive).toBe(true);
  });
});
