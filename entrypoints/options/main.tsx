import { render } from 'preact';
import { Localised } from '../../components/Localised';
import { OptionsPage } from './OptionsPage';

// Sections (dataset, import, history, export, reading, ...) are listed in entrypoints/options/OptionsPage.tsx.
// Localised: the page's words in the reader's language (docs/i18n.md).
render(<Localised><OptionsPage /></Localised>, document.getElementById('app')!);
