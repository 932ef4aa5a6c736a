/**
 * Seed facts from `../shared/seeds/000_a8c451fa3ca26885.txt` (BES enterprise activation) and
 * `../shared/seeds/001_a0719c9da2e80d82.txt` (BlackBerry not syncing): every KB number, device
 * and console message, error name, service, menu path and setting, with the article that must
 * hold it verbatim and rank in the top three when it is searched.
 */
import type { SeedFact } from './seed-fact';

export const besFacts: SeedFact[] = [
  // KB numbers
  { fact: 'KB13852', article: 'bes-enterprise-activation' },
  { fact: 'KB02276', article: 'bes-failure-to-add-user' },
  { fact: 'KB10197', article: 'bes-check-mapi-subsystem' },
  { fact: 'KB10285', article: 'bes-check-mapi-subsystem' },
  { fact: 'KB10292', article: 'bes-failure-to-add-user' },
  { fact: 'KB10969', article: 'bes-failure-to-add-user' },
  { fact: 'KB00014', article: 'bes-no-ea-application' },
  { fact: 'KB03901', article: 'bes-no-ea-application' },
  { fact: 'KB10823', article: 'bes-server-not-responding-email-in-mailbox' },

  // Device screens and console states, in activation order
  { fact: 'Activating username@company_name.com', article: 'bes-server-not-responding-email-not-delivered' },
  { fact: 'Activating...', article: 'bes-server-not-responding-email-not-delivered', query: 'stuck at Activating...' },
  { fact: 'Retrying...', article: 'bes-server-not-responding-email-not-delivered', query: 'activation Retrying...' },
  {
    fact: 'The server is not responding. Please contact your System Administrator.',
    article: 'bes-server-not-responding-email-not-delivered',
  },
  {
    fact: 'The server is not responding',
    article: 'bes-server-not-responding-email-in-mailbox',
    query: 'server is not responding ETP.dat in mailbox',
  },
  { fact: '10 minutes', article: 'bes-server-not-responding-email-not-delivered', query: 'Activating 10 minutes Retrying' },
  { fact: '40 minutes', article: 'bes-server-not-responding-email-not-delivered', query: 'activation ends after 40 minutes' },
  {
    fact: 'An Error has occurred. Please contact your system administrator',
    article: 'bes-ea-error-has-occurred',
  },
  { fact: '4 more attempts', article: 'bes-ea-error-has-occurred', query: '4 more attempts activation password' },
  { fact: 'Enterprise Service Policy', article: 'bes-ea-error-has-occurred' },
  { fact: 'Encryption Verified. Waiting for Services', article: 'bes-stuck-waiting-for-services' },
  { fact: 'Waiting for Services...', article: 'bes-stuck-waiting-for-services' },
  {
    fact: 'Services Received. Your email address, username@company_name.com is now enabled',
    article: 'bes-stage-3-receiving-services',
  },
  { fact: 'IT Policy Rejected. Please wipe handheld and try again', article: 'bes-it-policy-rejected' },
  { fact: 'Activation Complete', article: 'bes-stage-4-slow-synchronisation' },
  { fact: 'Completed', article: 'bes-stage-4-slow-synchronisation', query: 'activation status Completed in the BAS console' },
  { fact: 'Not all databases synchronised successfully – Address Book', article: 'bes-address-book-not-synchronised' },
  { fact: 'Not all databases synchronised successfully - Address Book', article: 'bes-address-book-not-synchronised' },

  // Symptoms as the tables name them
  { fact: 'Failure to add user to the BES', article: 'bes-failure-to-add-user' },
  { fact: 'User Data cannot be written to the BB Configuration Database', article: 'bes-failure-to-add-user' },
  { fact: 'No EA application exists on the BB device', article: 'bes-no-ea-application' },
  {
    fact: 'The EA process only completes the synchronisation process of the Calendar database',
    article: 'bes-ea-only-calendar-syncs',
  },
  {
    fact: 'PIM databases are not synchronised after the enterprise activation process has finished',
    article: 'bes-pim-not-synchronised',
  },
  {
    fact: 'The EA process stops responding and the slow synchronisation process cannot complete',
    article: 'bes-slow-sync-stops-responding',
  },

  // Services, components, settings and values
  { fact: 'BB Policy Service', article: 'bes-stuck-waiting-for-services' },
  { fact: 'BB Synchronisation Service', article: 'bes-restart-blackberry-services' },
  { fact: 'BESAdmin', article: 'bes-failure-to-add-user', query: 'BESAdmin account permissions' },
  { fact: 'MAPI subsystem', article: 'bes-check-mapi-subsystem' },
  { fact: 'MAPI profile', article: 'bes-check-mapi-subsystem', query: 'recreate MAPI profile' },
  { fact: 'UDP notification', article: 'bes-server-not-responding-email-in-mailbox' },
  { fact: 'MS XML parser', article: 'bes-ea-only-calendar-syncs' },
  { fact: 'MS SQL Server', article: 'bes-ea-only-calendar-syncs' },
  { fact: 'wireless bulk load', article: 'bes-pim-not-synchronised' },
  { fact: 'Content Protection', article: 'bes-slow-sync-stops-responding' },
  { fact: 'Desktop [SYNC]', article: 'bes-delete-undelete-sync-service-book' },
  { fact: 'Security Wipe', article: 'bes-security-wipe-and-reactivate' },
  { fact: 'first name, last name or company name', article: 'bes-address-book-not-synchronised', query: 'contact first name last name company name' },
  { fact: 'same PIN', article: 'bes-stuck-waiting-for-services', query: 'duplicate user same PIN' },
  { fact: 'ETP.dat', article: 'bes-activation-email-etp-dat' },
  { fact: 'EPT.dat', article: 'bes-activation-email-etp-dat' },
  { fact: 'blackberry.net', article: 'bes-server-not-responding-email-not-delivered', query: 'firewall filtering blackberry.net domain' },
  { fact: '.pst', article: 'bes-server-not-responding-email-not-delivered', query: 'email routed to pst ost folder' },
  { fact: '.ost', article: 'bes-server-not-responding-email-not-delivered', query: 'ost offline folder activation email' },
  { fact: 'junk email', article: 'bes-server-not-responding-email-not-delivered', query: 'activation email in junk email folder' },
  { fact: 'PIN message', article: 'bes-server-not-responding-email-not-delivered', query: 'send a PIN message to check coverage' },
  { fact: 'Enterprise or Dual provisioned', article: 'bes-no-ea-application' },
  { fact: 'GPRS, EDGE, 3G', article: 'bes-no-ea-application' },
  { fact: 'Register Now', article: 'bes-no-ea-application' },
  { fact: 'Hosting Routing Table', article: 'bes-no-ea-application' },
  { fact: 'Host Routing Table', article: 'bes-no-ea-application' },
  { fact: 'Ver. 4 or later', article: 'bes-no-ea-application', query: 'device software version 4 or later' },
  { fact: 'RIM Relay', article: 'bes-stage-1-authentication' },
  { fact: 'BlackBerry Dispatcher', article: 'bes-enterprise-activation' },
  { fact: 'BlackBerry Messaging Agent', article: 'bes-enterprise-activation' },
  { fact: 'BlackBerry Router', article: 'bes-enterprise-activation' },
  { fact: 'BlackBerry Configuration Database', article: 'bes-enterprise-activation' },
  { fact: 'BlackBerry Administration Service', article: 'bes-set-activation-password', query: 'BlackBerry Administration Service activation password' },
  { fact: 'BlackBerry Manager', article: 'bes-set-activation-password', query: 'BlackBerry Manager activation password' },

  // Seed 001: BlackBerry not syncing
  { fact: 'Incorrect Encryption keys', article: 'blackberry-not-syncing-incorrect-encryption-keys' },
  { fact: 'Options > Security Options > Firewall', article: 'blackberry-not-syncing-incorrect-encryption-keys' },
  { fact: 'Firewall', article: 'blackberry-device-firewall', query: 'BlackBerry firewall blocked messages' },
  { fact: 'Options > Security > General Settings', article: 'blackberry-regenerate-encryption-key' },
  { fact: 'Regenerate Encryp...', article: 'blackberry-regenerate-encryption-key' },
  { fact: 'Regenerate Encryption Key', article: 'blackberry-regenerate-encryption-key' },
  {
    fact: 'enterprise message folder',
    article: 'blackberry-not-syncing-incorrect-encryption-keys',
    query: 'BlackBerry not syncing enterprise message folder missing',
  },
];
