import { render } from 'preact';
import { App } from '../../panel/App.tsx';
import '../../panel/panel.css';
import { openRapportDb } from '../../lib/db.ts';

// Opening IndexedDB is the slowest step to the first useful paint; start it before rendering.
void openRapportDb();

render(<App />, document.getElementById('app')!);
