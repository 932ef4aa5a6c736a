/**
 * `npm run content:check`: `syncfix check` run from source with tsx. Its own entry, so the
 * bundled CLI carries no run-when-main guard that could fire inside it.
 */
import { runCheck } from './check';

process.exitCode = runCheck(process.argv[2] ?? 'content', console.log, console.error);
