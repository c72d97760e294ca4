import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';

// Sections (dataset, import, history, export, reading, ...) are listed in components/options/OptionsPage.tsx.
render(<OptionsPage />, document.getElementById('app')!);
