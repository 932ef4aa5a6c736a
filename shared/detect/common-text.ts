/**
 * What ordinary log and console text is made of, for placing the key filter's keys where
 * page text rarely matches them (the way a byte-frequency table steers memchr-style
 * searches to a rare byte). Guesses are fine here: a poor guess costs speed, never a finding.
 */

/** Letter frequency in English text, percent; digits and punctuation as seen in server logs. */
const FREQUENCY: Record<string, number> = {
  e: 12.7,
  t: 9.1,
  a: 8.2,
  o: 7.5,
  i: 7.0,
  n: 6.7,
  s: 6.3,
  h: 6.1,
  r: 6.0,
  d: 4.3,
  l: 4.0,
  c: 2.8,
  u: 2.8,
  m: 2.4,
  w: 2.4,
  f: 2.2,
  g: 2.0,
  y: 2.0,
  p: 1.9,
  b: 1.5,
  v: 1.0,
  k: 0.8,
  j: 0.15,
  x: 0.15,
  q: 0.1,
  z: 0.07,
  0: 5,
  1: 5,
  2: 5,
  3: 3,
  4: 3,
  5: 3,
  6: 3,
  7: 3,
  8: 3,
  9: 3,
  ':': 2,
  '/': 2,
  '=': 1.5,
  '&': 1,
  _: 1,
  '(': 0.5,
  ')': 0.5,
  '[': 0.5,
  ']': 0.5,
  ',': 2,
  ';': 0.3,
};

/**
 * Words every mail-server log, admin console and error dialog is full of: English function
 * words and the vocabulary of Exchange, IIS, BlackBerry and proxy logs.
 */
const COMMON_WORDS = `
the be to of and a in that have it for not on with he as you do at this but his by from they we
say her she or an will my one all would there their what so up out if about who get which go me
when make can like time no just him know take people into year your good some could them see
other than then now look only come its over think also back after use two how our work first
well way even new want because any these give day most us is was are were been has had did does
done being should must may might shall cannot can't please again try contact your system
administrator error errors warning warn info debug trace failed failure fail fails success
succeeded successful successfully unable invalid denied access accessed allowed refused reset
timeout timed expired expire retry retries retrying attempt attempts request requests requested
response responses respond responding received receive receiving sent send sending sender
recipient message messages mail email mailbox mailboxes inbox outbox folder folders item items
calendar contact contacts task tasks note notes sync synchronize synchronise synchronization
synchronisation synchronized synchronised server servers service services client clients user
users account accounts device devices phone handheld host hosts domain network connection
connections connect connected connecting disconnect disconnected socket port address proxy
gateway listener listen listening handler handle handled process processing processed thread
threads queue queued pool worker session sessions token tokens certificate certificates cert
ssl tls https http port policy policies setting settings config configuration configured value
values limit limits quota size memory disk cache database databases table record records log
logs logging event events status state code codes result results exception exceptions stack
packet packets data file files path directory default version update updated upgrade install
installed start started starting stop stopped stopping running run restart restarted enable
enabled disable disabled available unavailable found missing exists create created delete
deleted remove removed add added change changed check checked verify verified authentication
authenticate authenticated authorization credentials password username login logon logged
security secure key keys encryption encrypted activation activate activated provision
provisioning provisioned wipe remote local internal external public private global default
exchange activesync microsoft outlook blackberry enterprise notifysync airwatch workspace
directory active iis web application pool admin administrator console dashboard report
heartbeat interval ping foldersync getitemestimate moveitems sendmail smartreply smartforward
itemoperations command commands parameter parameters header headers body content type length
date hour hours minute minutes second seconds day days week month count number total
`;

export function commonWords(): string[] {
  return COMMON_WORDS.split(/\s+/).filter(Boolean);
}

let table: Float64Array | undefined;

/** How often each ASCII character stands in log text, roughly, as a fraction (others: 0.002). */
export function frequencies(): Float64Array {
  if (table) return table;
  table = new Float64Array(0x80).fill(0.002);
  for (const [c, percent] of Object.entries(FREQUENCY)) table[c.charCodeAt(0)] = percent / 100;
  return table;
}
