import { describe, expect, it } from 'vitest';
import { migrateSaved, toggleSaved } from './saved-articles';

const redirects = new Map([
  ['eas-command-ping', 'eas-commands-overview'],
  ['eas-command-sync', 'eas-commands-overview'],
]);

describe('saved articles', () => {
  it('keeps a merged article saved, as the article that absorbed it, in its place', () => {
    expect(migrateSaved(['bes-it-policy-rejected', 'eas-command-ping'], redirects)).toEqual([
      'bes-it-policy-rejected',
      'eas-commands-overview',
    ]);
  });

  it('saves the successor once when several merged articles or the successor itself were saved', () => {
    expect(migrateSaved(['eas-command-sync', 'eas-commands-overview', 'eas-command-ping'], redirects)).toEqual([
      'eas-commands-overview',
    ]);
  });

  it('changes nothing when no saved id was merged', () => {
    expect(migrateSaved(['bes-it-policy-rejected'], redirects)).toBeUndefined();
    expect(toggleSaved(['a'], 'b')).toEqual(['b', 'a']);
  });
});
