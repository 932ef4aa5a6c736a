/** For work nobody waits on: a failure is logged with what was being done, never lost silently. */
export function logFailure(what: string): (error: unknown) => void {
  return (error) => console.error(`SyncFix: ${what} failed:`, error);
}
