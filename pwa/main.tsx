/**
 * The PWA entry: the shell renders at once; the knowledge bundle is its own chunk, loaded
 * in parallel and precached by the service worker with everything else.
 */
import { render } from 'preact';
import { App } from '../shared/ui';
import '../shared/ui/styles.css';
import './pwa.css';
import { PwaStatus } from './PwaStatus';

const kb = import('virtual:kb').then((m) => m.default);

render(<App kb={kb} status={<PwaStatus />} />, document.getElementById('app')!);
