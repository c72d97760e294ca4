import { launchWithExtension } from '../launch-browser';
import { benchPages } from './pages';
const ext = await launchWithExtension({ extensionDir: process.env.EUREFS_EXTENSION_DIR! });
await new Promise((d) => setTimeout(d, 1000));
const size = Number(process.argv[2] ?? 10000);
const page = benchPages([size]).find((p) => p.kind === 'dense' && p.paragraphs === size)!;
const body = page.html();
await ext.context.route('**/*', (route) => route.request().url() === page.url ? route.fulfill({ status: 200, contentType: 'text/html', body }) : route.continue());
const tab = await ext.context.newPage();
const cdp = await ext.context.newCDPSession(tab);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as any[])));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing'], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
await tab.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined, null, { timeout: 120000, polling: 200 });
const t = await tab.evaluate(() => JSON.parse(document.documentElement.dataset.eurefsTiming!));
const done = new Promise((d) => cdp.once('Tracing.tracingComplete', d));
await cdp.send('Tracing.end'); await done;
const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const sums = new Map<string, [number, number]>();
for (const e of events) {
  if (!main.has(`${e.pid}:${e.tid}`) || e.ph !== 'X') continue;
  const s = sums.get(e.name) ?? [0, 0]; s[0] += e.dur / 1000; s[1]++; sums.set(e.name, s);
}
console.log('marked', (t.markedAt - t.startedAt).toFixed(0), 'ms after start; busy', t.busyMs.toFixed(0), 'slices', t.slices, 'count', t.count);
for (const name of ['RunTask', 'ThreadControllerImpl::RunTask', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest', 'FunctionCall', 'RunMicrotasks', 'MinorGC', 'MajorGC', 'ParseHTML', 'EvaluateScript', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'UpdateLayerTree', 'Commit']) {
  const s = sums.get(name); if (s) console.log(`  ${name.padEnd(32)} ${s[0].toFixed(0).padStart(7)} ms in ${s[1]}`);
}
await ext.context.close();
