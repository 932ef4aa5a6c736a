/**
 * `npm run quality`: how SyncFix answers text nobody here wrote, per half of the one fixed
 * split (test/quality/halves.ts). Tune on the tuning half only; the checking half is the
 * figure we report. `--misses=checking` lists the checking half's misses too.
 */
import { formatQueriesReport, reportQueries } from './queries-report';

const misses = process.argv.find((a) => a.startsWith('--misses='))?.split('=')[1] ?? 'tuning';
const show = misses === 'checking' || misses === 'none' ? misses : 'tuning';

process.stdout.write(`Questions (real, synthetic, look-alike negatives, unanswered)\n`);
process.stdout.write(`${formatQueriesReport(reportQueries(), show)}\n`);
