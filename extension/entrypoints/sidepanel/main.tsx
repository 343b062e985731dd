import { render } from 'preact';
import { App } from '../../panel/App.tsx';
import '../../panel/panel.css';

render(<App />, document.getElementById('app')!);
