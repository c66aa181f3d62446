// `npm run temporal:ensure`: finds or builds the Temporal CLI exactly as `npm start` does.
import { prefixedLog } from './log';
import { ensureTemporalCli } from './temporal-cli';

ensureTemporalCli(prefixedLog('temporal'))
  .then((path) => console.log(`[temporal] CLI ready: ${path}`))
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
