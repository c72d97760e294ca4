import { render } from 'preact';
import { OptionsPage } from './OptionsPage';

// Sections (dataset, import, history, export, reading, ...) are listed in entrypoints/options/OptionsPage.tsx.
render(<OptionsPage />, document.getElementById('app')!);
