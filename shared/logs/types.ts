/**
 * The shapes every log format parses into and every explain surface (PWA, extension, CLI)
 * reads from. Formats (one file each, beside this one) turn text into `LogRecord`s; rules
 * from the articles' frontmatter give each record a verdict; `ExplainReport` is what the
 * surfaces show. Environment-free: no DOM, no Node.
 */

/** Offsets into the text that was explained, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type RecordField =
  | 'time'
  | 'source'
  | 'deviceId'
  | 'deviceType'
  | 'user'
  | 'ip'
  | 'command'
  | 'status'
  | 'subStatus'
  | 'win32Status'
  | 'easStatus'
  | 'duration'
  | 'eventId'
  | 'provider'
  | 'level'
  | 'message';

export type Level = 'info' | 'warning' | 'error';

/** One line, or one multi-line event (a stack trace, an Event Viewer entry), of a log. */
export interface LogRecord {
  /** Position in the input, from 0. */
  index: number;
  /** The id of the format that parsed it (`iis-w3c`, `zpush`, ...; `text` when none did). */
  format: string;
  /** The whole record in the original text. */
  span: Span;
  /** ISO 8601 when the format gives a time (as written: local unless the format says UTC). */
  time?: string;
  /** Server, host or component that wrote it (MAGT, an upstream, a computer name). */
  source?: string;
  deviceId?: string;
  deviceType?: string;
  user?: string;
  ip?: string;
  /** The ActiveSync command (`Cmd=` in a request), as the log spells it. */
  command?: string;
  /** HTTP status of the response, with IIS sub-status and win32 status where logged. */
  status?: number;
  subStatus?: number;
  win32Status?: number;
  /** ActiveSync protocol status in the response body, where the log shows it. */
  easStatus?: number;
  durationMs?: number;
  eventId?: number;
  provider?: string;
  level?: Level;
  message?: string;
  /** Where each parsed field sits in the original text. */
  fields: Partial<Record<RecordField, Span>>;
}

/**
 * normal: expected traffic (a Ping ending status 1 after its heartbeat, the 401 steps of an
 * NTLM handshake followed by a 200); transient: an isolated failure among successes;
 * action: a failure that repeats or never recovers. Findings show only the last two.
 */
export type Verdict = 'normal' | 'transient' | 'action';

export interface LogFinding {
  article: string;
  verdict: Exclude<Verdict, 'normal'>;
  /** Indexes of the records this finding is about (in input order). */
  records: number[];
  /** What to highlight in the text. */
  spans: Span[];
  /** One sentence a technician reads: what was seen and why it matters. */
  reason: string;
}

/** Requests and failures of one device, user or command. */
export interface GroupSummary {
  kind: 'device' | 'user' | 'command';
  key: string;
  requests: number;
  /** HTTP (or ActiveSync) status → count, failures only. */
  failures: Record<string, number>;
  firstSeen?: string;
  lastSeen?: string;
}

/** The Ping / heartbeat picture: how long Pings lasted against the timeouts articles name. */
export interface PingPicture {
  count: number;
  durationsMs: number[];
  /** A timeout on the path that cuts Pings short, when one shows (for example 60 s of nginx). */
  cutAtMs?: number;
}

export interface ExplainReport {
  /** The format the text was read as (`text` when no format recognised it). */
  format: string;
  records: number;
  verdicts: Record<Verdict, number>;
  /** Ordered by what to fix first. */
  findings: LogFinding[];
  groups: GroupSummary[];
  pings?: PingPicture;
  /** For the timeline: one point per record that has a time and a status. */
  timeline: { time: string; status: number; verdict: Verdict }[];
}
