/**
 * The PWA entry: the shell renders at once. The knowledge comes in chunks the service worker
 * precaches with everything else (none near its 2 MiB limit, at any size of the guide): the
 * core, fetched in parallel straight away, and article details, fetched when one is opened.
 */
import { render } from 'preact';
import { parts, shardStarts, shards } from 'virtual:kb/split';
import { splitSource } from '../shared/kb/knowledge-source';
import { App } from '../shared/ui';
import '../shared/ui/styles.css';
import './pwa.css';
import { PwaStatus } from './PwaStatus';

const kb = splitSource({ parts, shards, shardStarts });

render(<App kb={kb} status={<PwaStatus />} />, document.getElementById('app')!);
