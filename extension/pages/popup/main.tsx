import { render } from 'preact';
import kb from 'virtual:kb';
import { applyStoredTheme, localStorageStore } from '../../../shared/ui';
import '../../../shared/ui/styles.css';
import './popup.css';
import { Popup } from './Popup';

// The popup shares the guide page's origin, so it shares its pinned theme too.
applyStoredTheme(localStorageStore());
render(<Popup kb={kb} />, document.getElementById('app')!);
