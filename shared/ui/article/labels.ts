import { PRODUCT_LABELS } from '../../kb/types';
import type { Kind, Place, Product, RetryVerdict, Stage } from '../../kb/types';

export const productLabel = (p: Product) => PRODUCT_LABELS[p];

export const KIND_LABELS: Record<Kind, string> = {
  problem: 'Problem',
  concept: 'Concept',
  procedure: 'Procedure',
};

export const PLACE_LABELS: Record<Place, string> = {
  device: 'Device screen',
  console: 'Admin console',
  log: 'Server log',
  mailbox: 'User’s mailbox',
  'mail-client': 'Mail client',
  network: 'Network',
};

export const STAGE_LABELS: Record<Stage, string> = {
  authentication: 'Stage 1 · Authentication',
  'encryption-verification': 'Stage 2 · Encryption verification',
  'receiving-services': 'Stage 3 · Receiving services',
  'slow-synchronisation': 'Stage 4 · Slow synchronisation',
};

export const RETRY_LABELS: Record<RetryVerdict, string> = {
  helps: 'Retrying can help',
  useless: 'Retrying will not help',
  avoid: 'Do not retry',
};
