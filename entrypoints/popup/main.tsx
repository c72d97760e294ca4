import { render } from 'preact';
import { PageReferences } from './PageReferences';

render(<PageReferences />, document.getElementById('app')!);
