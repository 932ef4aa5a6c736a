import type { Signature } from '../../kb/types';

/** A realistic mix of routine lines and known errors, built from the bundle's own examples. */
export function exampleLog(kb: { signatures: readonly Signature[] }): string {
  const picks = kb.signatures.filter((s) => s.specificity === 'exact' && s.examples[0]).slice(0, 40);
  const chosen = [0, Math.floor(picks.length / 3), Math.floor((2 * picks.length) / 3)]
    .map((i) => picks[i])
    .filter((s, i, all) => s && all.findIndex((x) => x?.article === s.article) === i);
  const routine = [
    'INFO  Sync request received, DeviceType=iPhone, Cmd=Ping',
    'INFO  HTTP 200 /Microsoft-Server-ActiveSync/default.eas?Cmd=Sync',
    'DEBUG Heartbeat interval 900 s',
    'INFO  Policy key accepted',
  ];
  const lines: string[] = [];
  let minute = 10;
  const stamp = () => `2024-03-14 09:${String(minute++).padStart(2, '0')}:07`;
  chosen.forEach((s, i) => {
    lines.push(`${stamp()} ${routine[i % routine.length]}`, `${stamp()} ${routine[(i + 1) % routine.length]}`);
    lines.push(`${stamp()} ERROR ${s!.examples[0]}`);
  });
  lines.push(`${stamp()} ${routine[0]}`);
  return lines.join('\n');
}
