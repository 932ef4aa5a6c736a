/**
 * Article ids the quality set may point at before their articles exist (PLAN.md, "Final article ids").
 * Delete PLANNED_IDS once #14 and #17 have merged and every id below is a file in content/;
 * delete MERGED_IDS once the merged articles are gone from content/.
 */

/** New articles: the two #14 merge targets and the #17 additions. */
export const PLANNED_IDS: readonly string[] = [
  // #14: the "35 minutes, SNAT included" problem and procedure
  'eas-path-timeout-shorter-than-heartbeat',
  'eas-align-path-timeouts',
  // #17a: HTTP statuses and protocol codes
  'eas-http-status-codes',
  'eas-http-403-forbidden',
  'eas-http-413-request-too-large',
  'eas-http-449-provisioning-required',
  'eas-http-451-redirect-after-mailbox-move',
  'eas-http-503-server-busy-or-throttled',
  'eas-http-507-mailbox-full',
  'eas-protocol-status-codes',
  'eas-sync-key-mismatch',
  'eas-ping-folder-hierarchy-changed',
  'eas-provision-policy-errors',
  'eas-reading-the-mailbox-log',
  // #17b: Exchange administration, devices and Exchange Online
  'eas-password-change-lockout',
  'eas-certificate-errors',
  'eas-throttling-device-limits',
  'eas-protected-admin-accounts',
  'eas-device-quarantined',
  'eas-remote-wipe-safely',
  'eas-autodiscover-url-problems',
  'eas-device-messages',
  'eas-unsupported-security-policies',
  'eas-unable-to-connect-to-server',
  'exo-basic-auth-retired',
  'exo-conditional-access-blocks-device',
  // #17c: BES day to day and Z-Push / grommunio-sync
  'bes-srp-connection-relay',
  'bes-messaging-agent-logs',
  'bes-besadmin-send-as-receive-as',
  'bes-mapi-profile-openmsgstore',
  'zpush-common-exceptions',
  'zpush-state-hierarchy-resync',
  'zpush-provisioning-required',
  'zpush-loop-detection',
  'zpush-timeouts-behind-proxy',
];

/** Ids that #14 folds into another article: no answer may point at them even while their files exist. */
export const MERGED_IDS: readonly string[] = [
  'eas-command-foldersync',
  'eas-command-itemoperations',
  'eas-command-moveitems',
  'eas-command-options',
  'eas-command-ping',
  'eas-command-provision',
  'eas-command-resolverecipients',
  'eas-command-settings',
  'eas-command-smartreply-smartforward',
  'eas-command-sync',
  'eas-not-receiving-walkthrough',
  'eas-deletes-reads-moves-walkthrough',
  'notifysync-open-outbox-message',
  'eas-battery-drain-mail-delay',
  'f5-activesync-timeouts',
  'seg-web-listener-timeouts',
];
