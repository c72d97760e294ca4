import { render } from 'preact';
import { PageReferences } from '../../components/PageReferences';

render(<PageReferences />, document.getElementById('app')!);
