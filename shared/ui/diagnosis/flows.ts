/**
 * Guided diagnosis as data: questions narrow the problem down (to a BES activation stage, or
 * to one ActiveSync failure), then a checklist walks the causes of the matching articles in
 * the order the articles give. Article ids are checked against the bundle by flows.test.ts.
 */
import type { DiagnosisFlow } from './flow-types';

const besActivation: DiagnosisFlow = {
  id: 'bes-activation',
  title: 'BlackBerry enterprise activation fails',
  product: 'bes',
  summary:
    'Start from the last thing the device showed, or from whether the activation email reached the mailbox; narrow it to one of the four stages, then check the causes in order.',
  start: 'device-shows',
  steps: [
    {
      kind: 'question',
      id: 'device-shows',
      question: 'Where did the activation stop?',
      hint: 'Let the activation run until it completes or stops on an error (up to 40 minutes), then pick what the device showed last.',
      help: ['bes-enterprise-activation'],
      options: [
        {
          label: 'Activating…, then Retrying…, then “The server is not responding”',
          detail: 'The answer depends on the user’s mailbox: next question.',
          next: 'activation-email',
        },
        {
          label: '“An Error has occurred. Please contact your system administrator”',
          stage: 'authentication',
          next: 'error-has-occurred',
        },
        {
          label: 'Stuck at “Encryption Verified. Waiting for Services”',
          stage: 'receiving-services',
          next: 'waiting-for-services',
        },
        {
          label: '“IT Policy Rejected. Please wipe handheld and try again”',
          stage: 'receiving-services',
          next: 'it-policy-rejected',
        },
        {
          label: 'Activation ends, but data is missing or it never completes',
          stage: 'slow-synchronisation',
          next: 'what-is-missing',
        },
        {
          label: 'There is no Enterprise Activation screen on the device',
          stage: 'authentication',
          next: 'no-ea-application',
        },
        {
          label: 'The user cannot be added on the BES',
          detail: 'So no activation password can be set.',
          stage: 'authentication',
          next: 'failure-to-add-user',
        },
        {
          label: 'Not sure: start from the user’s mailbox',
          next: 'activation-email',
        },
      ],
    },
    {
      kind: 'question',
      id: 'activation-email',
      question: 'Did the activation email reach the user’s mailbox?',
      hint: 'Look in the user’s mailbox for the activation message with the ETP.dat attachment (also written EPT.dat). The BES deletes it once it has processed it.',
      help: ['bes-activation-email-etp-dat', 'bes-trace-activation-email'],
      options: [
        {
          label: 'No, it never arrived',
          stage: 'authentication',
          next: 'stage-1-email-not-delivered',
        },
        {
          label: 'Yes, and it is still sitting in the mailbox',
          stage: 'encryption-verification',
          next: 'stage-2-email-in-mailbox',
        },
        {
          label: 'It arrived and is gone: the BES processed it',
          detail: 'Stages 1 and 2 passed; the trouble is later.',
          next: 'after-encryption',
        },
      ],
    },
    {
      kind: 'question',
      id: 'after-encryption',
      question: 'What does the device show now?',
      options: [
        {
          label: 'Stuck at “Encryption Verified. Waiting for Services”',
          stage: 'receiving-services',
          next: 'waiting-for-services',
        },
        {
          label: '“IT Policy Rejected. Please wipe handheld and try again”',
          stage: 'receiving-services',
          next: 'it-policy-rejected',
        },
        {
          label: 'Activation ends, but data is missing or it never completes',
          stage: 'slow-synchronisation',
          next: 'what-is-missing',
        },
      ],
    },
    {
      kind: 'question',
      id: 'what-is-missing',
      question: 'What is wrong after activation?',
      options: [
        { label: 'Only the Calendar synchronised', stage: 'slow-synchronisation', next: 'only-calendar' },
        {
          label: '“Not all databases synchronised successfully – Address Book”',
          stage: 'slow-synchronisation',
          next: 'address-book',
        },
        {
          label: 'Email works, but calendar, contacts, tasks or memos stay empty',
          stage: 'slow-synchronisation',
          next: 'pim-not-synchronised',
        },
        {
          label: 'It never reaches Activation Complete',
          stage: 'slow-synchronisation',
          next: 'slow-sync-stops',
        },
        {
          label: 'Nothing synchronises at all, and some web sites fail',
          detail: 'The device firewall may be blocking messages for “Incorrect Encryption keys”.',
          next: 'incorrect-encryption-keys',
        },
      ],
    },
    {
      kind: 'checklist',
      id: 'stage-1-email-not-delivered',
      title: 'The activation email never reached the mailbox',
      summary:
        'Stage 1 (authentication) broke: the request from the device did not make it through to the user’s mailbox.',
      stage: 'authentication',
      concept: 'bes-stage-1-authentication',
      articles: ['bes-server-not-responding-email-not-delivered'],
    },
    {
      kind: 'checklist',
      id: 'stage-2-email-in-mailbox',
      title: 'The activation email sits in the mailbox',
      summary:
        'Stage 2 (encryption verification) broke: the message arrived, but the BES did not pick it up and answer.',
      stage: 'encryption-verification',
      concept: 'bes-stage-2-encryption-verification',
      articles: ['bes-server-not-responding-email-in-mailbox'],
    },
    {
      kind: 'checklist',
      id: 'error-has-occurred',
      title: '“An Error has occurred” during activation',
      summary: 'Usually the activation password or the Enterprise Service Policy.',
      stage: 'authentication',
      concept: 'bes-stage-1-authentication',
      articles: ['bes-ea-error-has-occurred'],
    },
    {
      kind: 'checklist',
      id: 'no-ea-application',
      title: 'No Enterprise Activation screen on the device',
      summary: 'The device cannot even start stage 1.',
      stage: 'authentication',
      concept: 'bes-stage-1-authentication',
      articles: ['bes-no-ea-application'],
    },
    {
      kind: 'checklist',
      id: 'failure-to-add-user',
      title: 'The user cannot be added on the BES',
      summary: 'Fix the user on the server before anyone activates a device.',
      stage: 'authentication',
      concept: 'bes-stage-1-authentication',
      articles: ['bes-failure-to-add-user'],
    },
    {
      kind: 'checklist',
      id: 'waiting-for-services',
      title: 'Stuck at “Waiting for Services”',
      summary: 'Stage 3 (receiving services): the keys matched, but IT policy and service books did not arrive.',
      stage: 'receiving-services',
      concept: 'bes-stage-3-receiving-services',
      articles: ['bes-stuck-waiting-for-services'],
    },
    {
      kind: 'checklist',
      id: 'it-policy-rejected',
      title: '“IT Policy Rejected”',
      summary: 'Stage 3 (receiving services): the device still carries another BES’s IT policy.',
      stage: 'receiving-services',
      concept: 'bes-stage-3-receiving-services',
      articles: ['bes-it-policy-rejected'],
    },
    {
      kind: 'checklist',
      id: 'only-calendar',
      title: 'Only the Calendar synchronised',
      summary: 'Stage 4 (slow synchronisation) stopped after the first database.',
      stage: 'slow-synchronisation',
      concept: 'bes-stage-4-slow-synchronisation',
      articles: ['bes-ea-only-calendar-syncs'],
    },
    {
      kind: 'checklist',
      id: 'address-book',
      title: 'The Address Book did not synchronise',
      summary: 'Stage 4 (slow synchronisation) skipped the Address Book.',
      stage: 'slow-synchronisation',
      concept: 'bes-stage-4-slow-synchronisation',
      articles: ['bes-address-book-not-synchronised'],
    },
    {
      kind: 'checklist',
      id: 'pim-not-synchronised',
      title: 'PIM data did not synchronise',
      summary: 'Stage 4 (slow synchronisation): email works, organiser data does not.',
      stage: 'slow-synchronisation',
      concept: 'bes-stage-4-slow-synchronisation',
      articles: ['bes-pim-not-synchronised'],
    },
    {
      kind: 'checklist',
      id: 'slow-sync-stops',
      title: 'Slow synchronisation never finishes',
      summary: 'Stage 4 (slow synchronisation) stops responding before Activation Complete.',
      stage: 'slow-synchronisation',
      concept: 'bes-stage-4-slow-synchronisation',
      articles: ['bes-slow-sync-stops-responding'],
    },
    {
      kind: 'checklist',
      id: 'incorrect-encryption-keys',
      title: 'Nothing synchronises after activation',
      summary: 'The device firewall blocks messages encrypted with keys it no longer trusts.',
      concept: 'blackberry-device-firewall',
      articles: ['blackberry-not-syncing-incorrect-encryption-keys'],
    },
  ],
};

const easNotReceiving: DiagnosisFlow = {
  id: 'eas-not-receiving',
  title: 'ActiveSync user is not receiving email',
  product: 'activesync',
  summary:
    'Start from the user’s ActiveSync partnership (or the logs if you have them), narrow it to one failure, then check the causes in order.',
  start: 'partnership',
  steps: [
    {
      kind: 'question',
      id: 'partnership',
      question: 'What does the user’s ActiveSync partnership show?',
      hint: 'Open the user’s mobile devices in the Exchange admin center, or run Get-MobileDeviceStatistics -Mailbox alias, and read the device access state and the last successful sync.',
      help: ['eas-partnerships', 'eas-troubleshooting-tools'],
      options: [
        {
          label: '“Access Denied”, Blocked or Quarantined',
          detail: 'Exchange refuses the device.',
          next: 'access-denied',
        },
        {
          label: 'The last successful sync is old (hours or days)',
          detail: 'The device is not reaching Exchange.',
          next: 'not-reaching-exchange',
        },
        {
          label: 'The last sync is recent, but new mail does not appear',
          next: 'recent-sync',
        },
        {
          label: 'Not sure: start from the server logs',
          next: 'logs',
        },
      ],
    },
    {
      kind: 'question',
      id: 'recent-sync',
      question: 'What else does the user notice?',
      options: [
        {
          label: 'Mail sent from the phone goes out, but nothing comes in',
          next: 'can-send-cannot-receive',
        },
        {
          label: 'Mail arrives minutes or hours late, and batteries drain',
          detail: 'Often many users at once, Android first.',
          next: 'late-mail',
        },
        {
          label: 'Mail works for a while, then stops',
          next: 'keeps-stopping',
        },
        {
          label: 'None of these',
          next: 'not-reaching-exchange',
        },
      ],
    },
    {
      kind: 'question',
      id: 'logs',
      question: 'What do the IIS or proxy logs show for the device?',
      hint: 'Search the logs for the user’s requests to /Microsoft-Server-ActiveSync. No logs yet? Turn on mailbox logging first.',
      help: ['eas-enable-mailbox-logging', 'eas-troubleshooting-tools'],
      options: [
        { label: 'HTTP 401 or 500 on /Microsoft-Server-ActiveSync', next: 'http-401-500' },
        { label: '“Connection Abort” or “The request was aborted”', next: 'connection-abort' },
        { label: '“TCP Idle Session Timeout”', next: 'tcp-idle-timeout' },
        { label: 'No requests from the device at all', next: 'not-reaching-exchange' },
        { label: 'I have no logs yet', next: 'walkthrough' },
      ],
    },
    {
      kind: 'checklist',
      id: 'access-denied',
      title: 'The partnership shows “Access Denied”',
      summary: 'Exchange refuses the device, usually after a policy refresh or an access rule.',
      concept: 'eas-partnerships',
      articles: ['eas-partnership-access-denied'],
    },
    {
      kind: 'checklist',
      id: 'not-reaching-exchange',
      title: 'The device is not getting new mail',
      summary: 'Check the mailbox, the device and the path through proxies and load balancers, cheapest first.',
      concept: 'eas-partnerships',
      articles: ['eas-user-not-receiving-email'],
    },
    {
      kind: 'checklist',
      id: 'can-send-cannot-receive',
      title: 'Sending works, receiving does not',
      summary: 'The first folder synchronisation never finished.',
      concept: 'eas-commands-overview',
      articles: ['eas-can-send-cannot-receive'],
    },
    {
      kind: 'checklist',
      id: 'late-mail',
      title: 'Mail arrives late and batteries drain',
      summary: 'Direct Push connections are being cut before the heartbeat ends.',
      concept: 'eas-direct-push-heartbeat',
      articles: ['eas-path-timeout-shorter-than-heartbeat'],
    },
    {
      kind: 'checklist',
      id: 'keeps-stopping',
      title: 'Email works, then stops',
      summary: 'Sync is inconsistent: look at the partnership and the connection path.',
      concept: 'eas-partnerships',
      articles: ['eas-sync-inconsistent-keeps-stopping'],
    },
    {
      kind: 'checklist',
      id: 'http-401-500',
      title: 'HTTP 401 or 500 in the IIS logs',
      summary: 'Requests reach IIS but fail there or on the proxy in front of it.',
      concept: 'eas-troubleshooting-tools',
      articles: ['eas-iis-log-401-500'],
    },
    {
      kind: 'checklist',
      id: 'connection-abort',
      title: '“Connection Abort” in the logs',
      summary: 'Something on the path closes long-lived ActiveSync requests.',
      concept: 'eas-direct-push-heartbeat',
      articles: ['eas-connection-abort'],
    },
    {
      kind: 'checklist',
      id: 'tcp-idle-timeout',
      title: '“TCP Idle Session Timeout” in the logs',
      summary: 'A load balancer or firewall idles out connections shorter than the heartbeat.',
      concept: 'eas-direct-push-heartbeat',
      articles: ['eas-tcp-idle-session-timeout'],
    },
    {
      kind: 'checklist',
      id: 'walkthrough',
      title: 'Walk through it from the start',
      summary: 'The whole method, cheapest check first: each step leaves evidence for the next.',
      concept: 'eas-troubleshooting-tools',
      articles: ['eas-user-not-receiving-email'],
    },
  ],
};

export const FLOWS: readonly DiagnosisFlow[] = [besActivation, easNotReceiving];

export function flowById(id: string | undefined): DiagnosisFlow | undefined {
  return FLOWS.find((f) => f.id === id);
}
