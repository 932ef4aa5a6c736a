import { render } from 'preact';
import kb from 'virtual:kb';
import '../../../shared/ui/styles.css';
import './popup.css';
import { Popup } from './Popup';

render(<Popup kb={kb} />, document.getElementById('app')!);
