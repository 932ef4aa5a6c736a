import { render } from 'preact';
import '../../../shared/ui/styles.css';
import './options.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
