import { render } from 'preact';
import { DatasetSummary } from '../../components/DatasetSummary';

render(<DatasetSummary />, document.getElementById('app')!);
