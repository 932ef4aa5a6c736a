import { describe, expect, it } from 'vitest';
import { codeLabel, versionLabel } from './labels';

describe('labels', () => {
  it('reads a version value as people say it', () => {
    expect(versionLabel('exchange-2013+')).toBe('Exchange 2013 and later');
    expect(versionLabel('exchange-2010')).toBe('Exchange 2010');
    expect(versionLabel('exchange-online')).toBe('Exchange Online');
    expect(versionLabel('bbos-6')).toBe('BlackBerry OS 6');
    expect(versionLabel('seg-v2')).toBe('SEG V2');
    expect(versionLabel('powershell-4+')).toBe('PowerShell 4 and later');
  });

  it('refuses what names no known product or no version', () => {
    expect(versionLabel('lotus-8')).toBeUndefined();
    expect(versionLabel('exchange2013')).toBeUndefined();
    expect(versionLabel('exchange+')).toBeUndefined();
    expect(versionLabel('exchange-20 13')).toBeUndefined();
  });

  it('labels codes by scheme', () => {
    expect(codeLabel({ scheme: 'http', code: '449' })).toBe('HTTP 449');
    expect(codeLabel({ scheme: 'eas', code: '9', command: 'FolderSync' })).toBe('FolderSync status 9');
    expect(codeLabel({ scheme: 'eas', code: '142' })).toBe('ActiveSync status 142');
    expect(codeLabel({ scheme: 'event', code: '3033', provider: 'MSExchange ActiveSync' })).toBe(
      'Event 3033 (MSExchange ActiveSync)',
    );
  });
});
