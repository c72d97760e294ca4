import { render } from 'preact';
import { parseReportAddress } from './address';
import { loadReport } from './load-report';
import { markReferences } from './mark-references';
import { ReportPage, type ReportState } from './ReportPage';
import { Localised } from '../../components/Localised';
import { errorWords } from '../../i18n/phrased-error';

const app = document.getElementById('app')!;
const address = parseReportAddress(location.search);
const show = (state: ReportState) => render(<Localised title="reportHeading"><ReportPage address={address} state={state} onShown={markReferences} /></Localised>, app);

show({ kind: 'loading' });
if (address) {
  loadReport(address.report).then(
    (report) => show(report ? { kind: 'loaded', report } : { kind: 'missing' }),
    (error: unknown) => show({ kind: 'failed', message: errorWords(error) }),
  );
}
