import { render } from 'preact';
import { Localised } from '../../components/Localised';
import { PageReferences } from './PageReferences';

render(<Localised title="listPageTitle"><PageReferences /></Localised>, document.getElementById('app')!);
