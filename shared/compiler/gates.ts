/**
 * Safety gates over articles that the schema has already read: a technician follows these
 * steps on a production server at night, so the build fails when an article has no sources,
 * when a step that destroys or changes something for many users carries no warning or comes
 * before a harmless step of the same cause, or when an Exchange cmdlet does not say which
 * versions it exists in. Each problem names the file, the step and the reason.
 */
import type { ArticleSource, StepSource } from '../kb/schema';

export interface GateProblem {
  file: string;
  field: string;
  message: string;
}

export interface GatedArticle {
  file: string;
  src: ArticleSource;
}

/**
 * What makes a step destructive, with the words the problem report uses for it. A menu path in
 * bold (**Edit Properties > Enterprise Service Policy**) names where to look, not a change, so
 * the policy pattern reads the step without them; a bold **Security Wipe** is still a wipe.
 */
const DESTRUCTIVE: readonly { pattern: RegExp; reason: string; outsideMenus?: boolean }[] = [
  { pattern: /\b(?:Remove|Clear)-[A-Z][A-Za-z]+/, reason: 'runs' },
  { pattern: /\bSet-[A-Za-z]*Policy\b/, reason: 'changes a policy with' },
  {
    pattern: /\b(?:security wipe|wipe (?:device|data|handheld)|wipes?|erases?|purges?)\b/i,
    reason: 'wipes or erases ("$&")',
  },
  { pattern: /\b(?:delete|deletes|remove|removes)\b/i, reason: 'deletes or removes ("$&")' },
  // "reset the device", "clear space": an object follows; "once it is clear, ..." is no action.
  {
    pattern:
      /\b(?:reset|resets|clear|clears)\s+(?!(?:the\s+)?(?:blocked[- ]message\s+)?counter\b|(?:and|or|of|up|on|to|when|if|so|that|from|by|again)\b)\w+/i,
    reason: 'resets or clears ("$&")',
  },
  // A policy shared by many users: an IT policy, a mailbox or device policy, a service policy.
  {
    pattern:
      /\b(?:change|changes|edit|edits|modify|modifies|set|sets|raise|lower)\b[^.;:]*?\b(?:IT|mailbox|device|service|throttling) policy\b/i,
    reason: 'changes a policy for every user it applies to ("$&")',
    outsideMenus: true,
  },
];

/** Why the step destroys or changes something for more than one item or user, or undefined. */
export function destructiveReason(step: Pick<StepSource, 'text' | 'command'>): string | undefined {
  // Link targets are article ids ("eas-hard-deletes-slow-to-sync"), not actions.
  const text = step.text.replace(/\]\([^)]*\)/g, ']');
  for (const { pattern, reason, outsideMenus } of DESTRUCTIVE) {
    for (const where of [step.command, outsideMenus ? text.replace(/\*\*[^*]*\*\*/g, '') : text]) {
      const match = where && pattern.exec(where);
      if (match) return reason.includes('$&') ? reason.replace('$&', match[0]) : `${reason} ${match[0]}`;
    }
  }
  return undefined;
}

/**
 * A step that follows up the destructive one before it (verifies it, or continues once it
 * is done) says so with its first word; any other harmless step belongs before it.
 */
const FOLLOW_UP = /^(?:after|afterwards|once|then|when|finally|check|confirm|verify|watch|wait|test)\b/i;

export function isFollowUp(step: Pick<StepSource, 'text'>): boolean {
  return FOLLOW_UP.test(step.text.replace(/^[*_"“\s]+/, ''));
}

/** Exchange cmdlets that exist only in some versions, per their Microsoft Learn pages. */
const VERSIONED_CMDLET =
  /\b(?:Get|Set|New|Remove|Clear)-(?:MobileDevice(?:Statistics|MailboxPolicy)?|ActiveSyncDevice(?:Statistics)?|ActiveSyncMailboxPolicy)\b/g;

interface CmdletVersions {
  /** Oldest on-premises version with the cmdlet. */
  from: number;
  /** Newest version it is for: Learn tells later versions to use the replacement. */
  to: number;
  online: boolean;
  /** The `applies` value to suggest, and the other version's form to give beside it. */
  suggest: string;
  other: string;
}

/**
 * The *-MobileDevice* cmdlets arrived with Exchange 2013 (and Exchange Online); the
 * *-ActiveSync* ones are Exchange 2007/2010 (Get-ActiveSyncDevice from 2010) and Learn says
 * to use the MobileDevice form on 2013 and later.
 */
export function cmdletVersions(cmdlet: string): CmdletVersions {
  if (/MobileDevice/.test(cmdlet)) {
    return {
      from: 2013,
      to: Infinity,
      online: true,
      suggest: 'exchange-2013+',
      other:
        cmdlet
          .replace('MobileDevice', 'ActiveSyncDevice')
          .replace('ActiveSyncDeviceMailboxPolicy', 'ActiveSyncMailboxPolicy') + ' for Exchange 2010',
    };
  }
  const from = cmdlet === 'Get-ActiveSyncDevice' ? 2010 : 2007;
  return {
    from,
    to: 2010,
    online: false,
    suggest: 'exchange-2010',
    other:
      cmdlet
        .replace('ActiveSyncMailboxPolicy', 'MobileDeviceMailboxPolicy')
        .replace('ActiveSyncDevice', 'MobileDevice') + ' for Exchange 2013 and later',
  };
}

interface VersionRange {
  from: number;
  to: number;
  online: boolean;
}

/** The Exchange versions an `applies` value names, or undefined when it names no Exchange. */
function exchangeRange(value: string): VersionRange | undefined {
  if (value === 'exchange-online') return { from: Infinity, to: -Infinity, online: true };
  if (value === 'exchange') return { from: 0, to: Infinity, online: false };
  const m = /^exchange-(\d{4})(\+?)$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  return { from: year, to: m[2] ? Infinity : year, online: false };
}

function fits(range: VersionRange, v: CmdletVersions): boolean {
  if (range.online) return v.online;
  return range.from >= v.from && range.to <= v.to;
}

/** Problems with the Exchange versions a step names for the cmdlets it runs. */
export function versionProblems(step: Pick<StepSource, 'text' | 'command' | 'applies'>): string[] {
  const cmdlets = [...new Set(`${step.command ?? ''}\n${step.text}`.match(VERSIONED_CMDLET) ?? [])];
  if (!cmdlets.length) return [];
  const versions = cmdlets.map(cmdletVersions);
  if (versions.some((v) => v.online) && versions.some((v) => !v.online)) {
    return [`mixes ${cmdlets.join(' and ')}, which are for different Exchange versions: give one step per version`];
  }
  const named = (step.applies ?? []).flatMap((value) => {
    const range = exchangeRange(value);
    return range ? [{ value, range }] : [];
  });
  const problems: string[] = [];
  cmdlets.forEach((cmdlet, i) => {
    const v = versions[i]!;
    if (!named.length) {
      problems.push(
        `runs ${cmdlet}: name the Exchange versions it is for with applies: [${v.suggest}], and give ${v.other} in a step of its own`,
      );
    }
    for (const { value, range } of named) {
      if (!fits(range, v)) problems.push(`applies "${value}", a version ${cmdlet} is not for (use ${v.suggest})`);
    }
  });
  return problems;
}

function excerpt(step: StepSource): string {
  const t = step.text.replace(/\s+/g, ' ');
  return `"${t.length > 60 ? `${t.slice(0, 59)}…` : t}"`;
}

/** Destructive steps need a warning and must come after every harmless step of their cause. */
function stepListProblems(steps: readonly StepSource[], field: (k: number) => string): [string, string][] {
  const out: [string, string][] = [];
  let firstDestructive = -1;
  steps.forEach((step, k) => {
    const reason = destructiveReason(step);
    if (reason && !step.warning) {
      out.push([field(k), `${excerpt(step)} ${reason}: add a warning that says what is lost and for whom`]);
    }
    if (reason && firstDestructive === -1) firstDestructive = k;
    for (const message of versionProblems(step)) out.push([field(k), `${excerpt(step)} ${message}`]);
    const harmless = !reason && !step.warning;
    if (harmless && firstDestructive !== -1 && !isFollowUp(step)) {
      const first = steps[firstDestructive]!;
      out.push([
        field(firstDestructive),
        `${excerpt(first)} ${destructiveReason(first)} but comes before the harmless step ${field(k)} ${excerpt(step)}: put the harmless step first, or start it with After, Once, Then, Check, Confirm or Verify if it follows up`,
      ]);
    }
  });
  return out;
}

export function checkGates(articles: readonly GatedArticle[]): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const { file, src } of articles) {
    if (!src.sources.length) {
      problems.push({
        file,
        field: 'sources',
        message:
          'required: list where the facts come from, a source document ({seed: <file>, section}) or a public one ({title, url, section})',
      });
    }
    const lists: [readonly StepSource[], (k: number) => string][] = [
      ...src.causes.map((c, i): [readonly StepSource[], (k: number) => string] => [
        c.fix,
        (k) => `causes[${i}].fix[${k}]`,
      ]),
      [src.steps, (k) => `steps[${k}]`],
    ];
    for (const [steps, field] of lists) {
      for (const [f, message] of stepListProblems(steps, field)) problems.push({ file, field: f, message });
    }
  }
  return problems;
}
