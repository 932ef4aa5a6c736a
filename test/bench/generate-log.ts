/**
 * Seeded synthetic log text: IIS, BES, SEG and plain lines like the logs admins open, with
 * known error lines planted at a steady rate, so a scan has real work (near misses on
 * every line) and real findings.
 */
import { ENGLISH, TECH_WORDS, hex } from './lexicon';
import type { Rng } from './rng';
import { int, mulberry32, pick } from './rng';

const COMMANDS = ['Sync', 'Ping', 'FolderSync', 'Provision', 'ItemOperations', 'MoveItems', 'SendMail', 'Settings'];
const USERS = ['jdoe', 'asmith', 'bwong', 'ckhan', 'dlee', 'emartin'];
const STATUS = [200, 200, 200, 200, 200, 200, 401, 449, 500, 503];

function stamp(rng: Rng): string {
  return `2024-03-${int(rng, 10, 28)} ${String(int(rng, 0, 23)).padStart(2, '0')}:${int(rng, 10, 59)}:${int(rng, 10, 59)}`;
}

function words(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => (rng() < 0.4 ? pick(rng, TECH_WORDS) : pick(rng, ENGLISH))).join(' ');
}

function line(rng: Rng): string {
  const r = rng();
  const user = pick(rng, USERS);
  if (r < 0.45) {
    return (
      `${stamp(rng)} 10.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)} POST /Microsoft-Server-ActiveSync/default.eas ` +
      `Cmd=${pick(rng, COMMANDS)}&User=${user}&DeviceId=Appl${hex(rng, 10)}&DeviceType=iPhone 443 ${user} ` +
      `10.2.${int(rng, 0, 255)}.${int(rng, 1, 254)} Apple-iPhone/1402.1 ${pick(rng, STATUS)} 0 0 ${int(rng, 15, 900_000)}`
    );
  }
  if (r < 0.65) {
    return `[30000] (03/${int(rng, 10, 28)} ${int(rng, 10, 23)}:${int(rng, 10, 59)}:${int(rng, 10, 59)}.${int(rng, 100, 999)}):{0x${hex(rng, 4)}} {${user}@example.com} MAPIMailbox::${pick(rng, ['ScanGAL', 'ProcessNotification', 'SendMessage', 'Refresh'])} - ${words(rng, int(rng, 4, 10))}`;
  }
  if (r < 0.85) {
    return `${stamp(rng)}.${int(rng, 1000, 9999)} ${pick(rng, ['INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'])} AW.Eas.Web.Listener.${pick(rng, ['ProxyGateway', 'Policy', 'Diagnostics', 'Cache'])} ${words(rng, int(rng, 5, 12))}`;
  }
  return words(rng, int(rng, 6, 18));
}

export interface SyntheticLog {
  text: string;
  /** How many known error lines were planted. */
  planted: number;
}

/**
 * About `chars` characters of log, one planted line every ~`every` characters, taken across
 * the whole `examples` list (a prime stride), so a detector over any slice of it finds some.
 */
export function generateLog(chars: number, examples: readonly string[], seed = 7, every = 5000): SyntheticLog {
  const rng = mulberry32(seed);
  const lines: string[] = [];
  let size = 0;
  let nextPlant = every;
  let planted = 0;
  while (size < chars) {
    let l = line(rng);
    if (examples.length && size >= nextPlant) {
      l = `${stamp(rng)} ${pick(rng, ['ERROR', 'WARN', 'device:'])} ${examples[(planted * 7919) % examples.length]}`;
      planted++;
      nextPlant += every;
    }
    lines.push(l);
    size += l.length + 1;
  }
  return { text: lines.join('\n'), planted };
}
