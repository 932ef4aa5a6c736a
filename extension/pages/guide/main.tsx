/**
 * The full guide as an extension page: the PWA's App (search, articles, diagnosis,
 * explain) over the bundle built into the extension, so it works with no network and no
 * PWA installed. Context-menu "Explain" arrives as `?text=`, the omnibox as `#/?q=`.
 */
import { render } from 'preact';
import kb from 'virtual:kb';
import { App } from '../../../shared/ui';
import '../../../shared/ui/styles.css';

render(<App kb={kb} />, document.getElementById('app')!);
