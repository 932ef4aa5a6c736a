/**
 * Seed facts from `../shared/seeds/002_968f12bc38b720ce.txt` (Exchange ActiveSync deep-dive:
 * commands, partnerships, Direct Push, optimisation, AirWatch SEG, troubleshooting, log issues,
 * F5 iRule) and `../shared/seeds/003_fb758081c13f4d4c.txt` (NotifySync messages stuck in the
 * outbox): every error string, log line fragment, command, setting and value, tool and EventId,
 * with the article that must hold it verbatim and rank in the top three when it is searched.
 */
import type { SeedFact } from './seed-fact';

export const easFacts: SeedFact[] = [
  // ActiveSync commands
  { fact: 'Ping', article: 'eas-commands-overview', query: 'ActiveSync Ping command' },
  { fact: 'FolderSync', article: 'eas-commands-overview' },
  { fact: 'Folder Sync', article: 'eas-commands-overview' },
  { fact: 'Sync', article: 'eas-commands-overview', query: 'ActiveSync Sync command sync key' },
  { fact: 'GetItemEstimate', article: 'eas-commands-overview' },
  { fact: 'Get Item Estimate', article: 'eas-commands-overview' },
  { fact: 'collection', article: 'eas-commands-overview', query: 'Sync collection element' },
  { fact: 'sync key', article: 'eas-commands-overview', query: 'sync key 0' },
  { fact: 'Options', article: 'eas-commands-overview', query: 'ActiveSync Options command' },
  { fact: 'ResolveRecipients', article: 'eas-commands-overview' },
  { fact: 'Resolve Recipients', article: 'eas-commands-overview' },
  { fact: 'Provision', article: 'eas-commands-overview', query: 'ActiveSync Provision command' },
  { fact: 'ItemOperations', article: 'eas-commands-overview' },
  { fact: 'Item Operations', article: 'eas-commands-overview' },
  { fact: 'Fetch', article: 'eas-commands-overview', query: 'ItemOperations Fetch' },
  { fact: 'EmptyFolderContents', article: 'eas-commands-overview' },
  { fact: 'Empty Item Contents', article: 'eas-commands-overview' },
  { fact: 'MoveItems', article: 'eas-commands-overview' },
  { fact: 'Move Items', article: 'eas-commands-overview' },
  { fact: 'SmartReply', article: 'eas-commands-overview' },
  { fact: 'SmartForward', article: 'eas-commands-overview' },
  { fact: 'Smart Reply', article: 'eas-commands-overview' },
  { fact: 'Smart Forward', article: 'eas-commands-overview' },
  { fact: 'Settings', article: 'eas-commands-overview', query: 'ActiveSync Settings command Out of Office' },
  { fact: 'Out of Office', article: 'eas-commands-overview' },
  { fact: 'IRM', article: 'eas-commands-overview', query: 'ActiveSync IRM settings' },

  // Partnerships, Allow/Block/Quarantine, Direct Push
  { fact: 'partnership', article: 'eas-partnerships', query: 'ActiveSync partnership' },
  { fact: 'Add/Block/Quarantine', article: 'eas-allow-block-quarantine' },
  { fact: 'Allow/Block/Quarantine', article: 'eas-allow-block-quarantine' },
  { fact: 'Direct Push', article: 'eas-direct-push-heartbeat' },
  { fact: 'HTTP/200 OK', article: 'eas-direct-push-heartbeat' },
  { fact: 'heartbeat', article: 'eas-direct-push-heartbeat', query: 'Direct Push heartbeat' },
  { fact: '15 minutes', article: 'eas-direct-push-heartbeat', query: 'Ping 15 minutes heartbeat' },

  // Optimisation (F5 BIG-IP)
  { fact: 'Your Exchange server must close the connection', article: 'eas-connection-optimisation' },
  { fact: '35 minutes', article: 'eas-align-path-timeouts', query: 'F5 timeout 35 minutes' },
  { fact: 'SNAT', article: 'eas-align-path-timeouts', query: 'SNAT timeout' },
  { fact: 'least connections', article: 'eas-connection-optimisation', query: 'least connections round robin' },
  { fact: 'round robin', article: 'eas-connection-optimisation', query: 'round robin ActiveSync' },
  { fact: 'BIG-IP', article: 'eas-align-path-timeouts', query: 'F5 BIG-IP timeouts' },
  { fact: 'deployment guide', article: 'eas-connection-optimisation', query: 'F5 deployment guide' },

  // AirWatch SEG abort
  {
    fact: 'AW.Eas.Web.Listener.ProxyGateway.GetMailServerResponse *** EXCEPTION ***',
    article: 'seg-request-aborted-getmailserverresponse',
  },
  {
    fact: 'System.Net.WebException: The request was aborted: The request was canceled.',
    article: 'seg-request-aborted-getmailserverresponse',
  },
  { fact: 'AW.Eas.Web.Listener.ProxyGateway.EndGetMailServerResponse', article: 'seg-request-aborted-getmailserverresponse' },
  { fact: 'System.Net.HttpWebRequest.EndGetResponse', article: 'seg-request-aborted-getmailserverresponse' },
  { fact: 'AW.Eas.Web.Listener.Log', article: 'seg-request-aborted-getmailserverresponse' },
  { fact: 'abort', article: 'seg-request-aborted-getmailserverresponse', query: 'AW.Eas.Web.Listener.Log abort' },
  { fact: 'easRequestTimeOut', article: 'eas-align-path-timeouts' },
  { fact: 'executionTimeout', article: 'eas-align-path-timeouts' },
  { fact: '3000', article: 'eas-align-path-timeouts', query: 'executionTimeout 3000' },
  { fact: '45', article: 'eas-align-path-timeouts', query: 'easRequestTimeOut 45' },
  { fact: 'default 15', article: 'eas-align-path-timeouts', query: 'easRequestTimeOut default 15' },
  { fact: 'web.config', article: 'eas-align-path-timeouts', query: 'Web Listener web.config' },
  { fact: 'Web Listener', article: 'seg-web-listener', query: 'SEG Web Listener' },
  { fact: 'Secure Email Gateway', article: 'seg-web-listener' },

  // SEG monitoring script
  { fact: 'C:\\Monitoring_scripts\\URLList.txt', article: 'seg-monitoring-script' },
  { fact: 'URLList.txt', article: 'seg-monitoring-script' },
  { fact: 'SEG Accessibility', article: 'seg-monitoring-script' },
  { fact: '1128', article: 'seg-monitoring-script', query: 'EventId 1128' },
  { fact: '3345', article: 'seg-accessibility-warning-3345', query: 'EventId 3345' },
  { fact: 'Write-EventLog', article: 'seg-monitoring-script' },
  { fact: 'Tls12', article: 'seg-monitoring-script', query: 'SEG monitoring TLS 1.2' },
  { fact: '407', article: 'seg-monitoring-script', query: 'SEG monitoring 200 401 407' },

  // Tools
  { fact: 'Notepad++', article: 'eas-troubleshooting-tools' },
  { fact: 'Wireshark', article: 'eas-troubleshooting-tools' },
  { fact: 'Fiddler', article: 'eas-troubleshooting-tools' },
  { fact: 'MFCMapi', article: 'eas-troubleshooting-tools' },
  { fact: 'EWSEditor', article: 'eas-troubleshooting-tools' },
  { fact: 'LogParser Studio', article: 'eas-troubleshooting-tools' },

  // Example 1: user is not receiving email
  { fact: 'Access Denied', article: 'eas-partnership-access-denied', query: 'partnership Access Denied' },
  {
    fact: 'Set-ActiveSyncMailboxPolicy -DevicePolicyRefreshInterval unlimited',
    article: 'eas-partnership-access-denied',
  },
  { fact: 'PolicyRefreshInterval', article: 'eas-partnership-access-denied' },
  { fact: 'Set-CASMailbox alias -ActiveSyncDebugLogging:$true', article: 'eas-enable-mailbox-logging' },
  {
    fact: 'Get-MobileDeviceStatistics -Mailbox alias -GetMailboxLog:$true -NotificationEmailAddresses "admin@contoso.com"',
    article: 'eas-enable-mailbox-logging',
  },
  { fact: 'Reset Network Settings', article: 'eas-user-not-receiving-email', query: 'iOS Reset Network Settings' },
  { fact: 'blue IIS splash screen', article: 'eas-user-not-receiving-email' },
  { fact: 'Sync Diagnostics Profile', article: 'eas-user-not-receiving-email' },
  { fact: 'not receiving email', article: 'eas-user-not-receiving-email', query: 'user is not receiving email' },
  { fact: 'FolderSync', article: 'eas-can-send-cannot-receive', query: 'sent but not received FolderSync failed' },
  { fact: '500', article: 'eas-iis-log-401-500', query: 'IIS logs 401 500 ActiveSync' },
  { fact: '/Microsoft-Server-ActiveSync', article: 'eas-iis-log-401-500', query: 'Microsoft-Server-ActiveSync 500' },
  { fact: '500', article: 'eas-ios-reloads-mailbox-after-500', query: 'iOS reloads mailbox 500' },

  // Example 2: inconsistent sync, clean re-enrolment
  { fact: 'Exchange Control Panel', article: 'eas-clean-reenrolment' },
  { fact: 'MFCMapi', article: 'eas-clean-reenrolment', query: 'delete orphaned partnership MFCMapi' },
  { fact: 'email keeps stopping', article: 'eas-sync-inconsistent-keeps-stopping', query: 'sync inconsistent email keeps stopping' },

  // Example 3: deletions, reads, moves
  { fact: 'OWA', article: 'eas-deletes-reads-moves-not-syncing', query: 'check OWA cached Exchange mode' },
  { fact: 'cached Exchange mode', article: 'eas-deletes-reads-moves-not-syncing' },
  { fact: 'Delete #1 in Outlook', article: 'eas-deletes-reads-moves-not-syncing', query: 'six message test delete move read' },
  { fact: '45-60 minutes', article: 'eas-hard-deletes-slow-to-sync', query: 'hard delete 45-60 minutes' },
  { fact: 'iOS 10', article: 'eas-ios10-read-sync-bug', query: 'iOS 10 read sync' },
  { fact: 'iOS 11', article: 'eas-ios10-read-sync-bug', query: 'read sync fixed iOS 11' },

  // Log issues and the F5 iRule
  { fact: 'TCP Idle Session Timeout', article: 'eas-tcp-idle-session-timeout' },
  { fact: 'Connection Abort', article: 'eas-connection-abort' },
  { fact: 'The request was aborted: the request was cancelled.', article: 'eas-connection-abort' },
  { fact: 'HTTP_RESPONSE', article: 'f5-irule-connection-close' },
  { fact: 'HTTP::status', article: 'f5-irule-connection-close', query: 'iRule HTTP::status 401' },
  { fact: 'Content-Length', article: 'f5-irule-connection-close', query: 'iRule 401 Content-Length' },
  { fact: 'Connection: Close', article: 'f5-irule-connection-close', query: 'iRule Connection: Close' },
  { fact: 'App Pools', article: 'f5-irule-connection-close', query: 'iRule App Pools' },

  // NotifySync (003)
  { fact: 'StatusException: Error in client/server conversion', article: 'notifysync-error-in-client-server-conversion' },
  {
    fact: 'StatusException: Conflict matching the client and server object',
    article: 'notifysync-conflict-matching-client-server-object',
  },
  { fact: 'Resend', article: 'notifysync-messages-stuck-in-outbox', query: 'NotifySync Resend' },
  { fact: 'Notify technical support', article: 'notifysync-error-in-client-server-conversion' },
  { fact: 'Error status', article: 'notifysync-outbox-statuses', query: 'NotifySync Error status red X' },
  { fact: 'Pending status', article: 'notifysync-outbox-statuses', query: 'NotifySync Pending status blue clock' },
  { fact: 'errors in the Outbox', article: 'notifysync-outbox-statuses' },
  { fact: 'reminder', article: 'notifysync-reminder-conflict', query: 'NotifySync event reminder outbox' },
  { fact: 'Messages are stuck in the outbox', article: 'notifysync-messages-stuck-in-outbox' },
  { fact: 'Article ID: 416', article: 'notifysync-messages-stuck-in-outbox' },
  { fact: 'delivered multiple times', article: 'notifysync-duplicate-items', query: 'NotifySync delivered multiple times duplicates' },
  { fact: 'Kerio Mail Server', article: 'notifysync-pending-forever-kerio-ssl' },
  { fact: 'KMS', article: 'notifysync-pending-forever-kerio-ssl', query: 'KMS SSL pending' },
  { fact: '6.7', article: 'notifysync-pending-forever-kerio-ssl', query: 'Kerio 6.7 SSL' },
  { fact: '4.6', article: 'notifysync-pending-forever-kerio-ssl', query: 'BlackBerry OS 4.6 Kerio' },
  { fact: '4.7', article: 'notifysync-pending-forever-kerio-ssl', query: 'BlackBerry OS 4.7 Kerio' },
  { fact: '4.5', article: 'notifysync-pending-forever-kerio-ssl', query: 'BlackBerry OS 4.5 Kerio SSL' },
  { fact: 'plain text', article: 'notifysync-pending-forever-kerio-ssl', query: 'disable SSL plain text Kerio' },
];
