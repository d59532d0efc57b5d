// The readable side of bench/results.json: budgets with pass/miss, then one table per measure.

const ms = (s) => (s === null || s === undefined ? 'n/a' : `${s.median} ms (${s.min}–${s.max})`);
const msP95 = (s) => (s ? `${s.median} ms (p95 ${s.p95}, ${s.min}–${s.max})` : 'n/a');
const num = (x, unit = '') => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : `${x}${unit}`);
const mark = (pass) => (pass === null ? '–' : pass ? '✅ pass' : '❌ miss');

/** Each budget of the issue against what was measured (null: not measured this time). */
export function budgets(r) {
  const a = r.annotation ?? {};
  const afterDcl = (n) => a[n]?.longTasks.withExt.longestAfterDclMs?.median ?? null;
  const rows = [
    ['100 cards annotated ≤ 30 ms after DOMContentLoaded', a[100]?.annotatedAfterDclMs?.median, 30, ' ms'],
    ['1000 cards annotated ≤ 150 ms after DOMContentLoaded', a[1000]?.annotatedAfterDclMs?.median, 150, ' ms'],
    ['no long task over 50 ms from the extension (100 cards, longest task after DOMContentLoaded)', afterDcl(100), 50, ' ms'],
    ['no long task over 50 ms from the extension (1000 cards, longest task after DOMContentLoaded)', afterDcl(1000), 50, ' ms'],
    ['content script ≤ 25 KB gzip', r.bundles?.entries['content script']?.totalGzipKB, 25, ' KB'],
    ['popup ≤ 60 KB gzip', r.bundles?.entries.popup?.totalGzipKB, 60, ' KB'],
    ['star round trip median ≤ 16 ms', r.roundTrip?.held?.roundTripMs?.median, 16, ' ms'],
    ['popup with 10,000 papers: first rows ≤ 150 ms', r.popup?.[10000]?.firstRowsMs?.median, 150, ' ms'],
    ['popup with 10,000 papers: search keystroke ≤ 50 ms', typeof r.popup?.[10000]?.searchKeystrokeMs === 'object' ? r.popup[10000].searchKeystrokeMs.median : null, 50, ' ms'],
  ];
  return rows.map(([name, value, limit, unit]) => ({
    name,
    value: value ?? null,
    limit,
    unit: unit.trim(),
    pass: value === undefined || value === null ? null : value <= limit,
  }));
}

export function toMarkdown(r) {
  const out = [];
  const line = (s = '') => out.push(s);
  line('# Benchmark results');
  line();
  line(`Measured ${r.meta.date} by \`npm run bench\` on ${r.meta.machine}, ${r.meta.chromium}, Node ${r.meta.node}.`);
  line(`Each figure is the median of ${r.meta.runs} fresh runs (a new tab each) with min–max, after one warm-up run.`);
  // Only the figure from before the run says anything about other work: the run itself loads the machine.
  const start = r.meta.load?.start;
  if (start !== undefined) line(`Load average (1 min) before the run: ${start}${start > 1 ? ': other work shared the machine, so figures are noisier than on an idle one' : ''}.`);
  line(`Listings are generated from the saved real page (${r.meta.pageNote}).`);
  line();
  line('## Budgets');
  line();
  line('| budget | measured | |');
  line('|---|---|---|');
  for (const b of r.budgets) line(`| ${b.name} | ${num(b.value, ` ${b.unit}`)} | ${mark(b.pass)} |`);
  if (r.annotation) annotationTables(r, line);
  if (r.roundTrip) roundTripTable(r.roundTrip, line);
  if (r.popup) popupTable(r.popup, line);
  if (r.bundles) bundleTable(r.bundles, line);
  if (r.memory) memoryTable(r.memory, line);
  if (r.scroll) scrollTable(r.scroll, line);
  if (r.profiles) profileLines(r.profiles, line);
  return out.join('\n') + '\n';
}

function annotationTables(r, line) {
  line();
  line('## 1. Annotation latency');
  line();
  line('From DOMContentLoaded until every card carries its rendered controls (seen from the page), against the page\'s own load time without the extension (navigation start → load event end).');
  line();
  line('| cards | annotated after DOMContentLoaded | page load without extension | ratio | page load with extension | every card once |');
  line('|---|---|---|---|---|---|');
  for (const a of Object.values(r.annotation)) {
    line(`| ${a.cards} | ${ms(a.annotatedAfterDclMs)} | ${ms(a.pageLoadWithoutExtMs)} | ${a.ratioToPageLoad} | ${ms(a.pageLoadWithExtMs)} | ${a.everyCardOnce ? 'yes' : '**no**'} |`);
  }
  const stopped = Object.values(r.annotation).filter((a) => a.workerStopped);
  if (stopped.length) {
    line();
    line("With the background's service worker stopped before each load (as Chromium stops it after 30 s idle; not in the figures above), each load; first with the tags earlier workers kept in `storage.session` (a page seen before in the browser's session: these loads follow the ones above), then with nothing kept (a page not seen before):");
    line();
    const each = (w) => {
      const seen = w.stopsSeen === undefined ? '' : ` (a worker started anew in ${w.stopsSeen} of ${w.annotatedAfterDclMs.length})`;
      return `annotated ${w.annotatedAfterDclMs.join(', ')} ms after DOMContentLoaded; longest frame after it ${w.longestFrameAfterDclMs.join(', ')} ms${seen}`;
    };
    for (const a of stopped) {
      line(`- ${a.cards} cards: ${each(a.workerStopped)}.`);
      if (a.workerStoppedNothingKept) line(`- ${a.cards} cards, nothing kept: ${each(a.workerStoppedNothingKept)}.`);
    }
  }
  line();
  line('## 2. Main-thread cost');
  line();
  line("PerformanceObserver `longtask` in the page (longest task; total blocking time = Σ(task − 50 ms)), over the whole load (the content script runs from document_start: sending the page's JSON and putting cards in as the parser finishes them are in it, beside the page's own parsing and layout) and from DOMContentLoaded on (the served page runs no script of its own by then: what is there is ours, or Chromium's work caused by ours), until the page has been quiet for 400 ms and at least 3 s after DOMContentLoaded. Last column: the longest `long-animation-frame` from DOMContentLoaded on, which also counts the style and layout a task leaves to the next frame.");
  line();
  line('| cards | extension | longest task | TBT | longest task after DCL | TBT after DCL | longest frame after DCL |');
  line('|---|---|---|---|---|---|---|');
  for (const a of Object.values(r.annotation)) {
    for (const [label, key] of [['with', 'withExt'], ['without', 'withoutExt']]) {
      const t = a.longTasks[key];
      line(`| ${a.cards} | ${label} | ${ms(t.longestMs)} | ${ms(t.tbtMs)} | ${ms(t.longestAfterDclMs)} | ${ms(t.tbtAfterDclMs)} | ${ms(a.longFramesAfterDcl[key])} |`);
    }
  }
  if (r.traces) {
    line();
    line('One traced load per size (Chromium tracing; tracing slows everything a little). *Injection wait*: DOMContentLoaded → Chromium starts the content script. Tasks over 50 ms from the first to a second after the last run of the extension\'s script, with where their time went (self time by trace event). *Extension script* counts what the trace labels with the extension\'s URL (its evaluation, timers, event listeners); the annotator\'s slices resume as promise continuations, which show as `RunMicrotasks`:');
    line();
    for (const [n, t] of Object.entries(r.traces)) {
      if (!t) continue;
      const tasks = t.longTasks.length
        ? t.longTasks.map((x) => `${x.durationMs} ms at +${x.atMs} ms (extension script ${x.extensionScriptMs} ms; ${Object.entries(x.top).map(([k, v]) => `${k} ${v}`).join(', ')})`).join('; ')
        : 'none';
      line(`- ${n} cards: injection wait ${t.injectionWaitMs} ms; extension script spread over ${t.scriptSpanMs} ms; long tasks: ${tasks}.`);
    }
  }
}

function roundTripTable(rt, line) {
  const { held, instant } = rt;
  line();
  line('## 3. Star round trip');
  line();
  line(`Trusted clicks (CDP mouse events) on Star, one card after another, the first ${rt.clicks} of the ${rt.cards}-card listing, twice: held down ${held.pressMs} ms as a person's click is, starring (the budget's figures); then instant presses, Playwright's default and how runs before 2026-11-28 19:00 measured, un-starring (the same message and write). Timed in the content script's world from the click event's timestamp (its mouseup's).`);
  line();
  line(`| span | held ${held.pressMs} ms: median (p95, min–max) | instant press |`);
  line('|---|---|---|');
  const both = (label, key) => line(`| ${label} | ${msP95(held[key])} | ${msP95(instant[key])} |`);
  both('click → reply from the background (IndexedDB write committed first)', 'roundTripMs');
  both('click → card shows the new aria-pressed (optimistic)', 'shownMs');
  both("of which input delivery (click → the page's first listener)", 'inputDelayMs');
  both('in the service worker: message received → IndexedDB transaction complete', 'workerReceiveToCommitMs');
  line();
  line(`After the held pass ${held.confirmedOnCard}/${rt.clicks} cards still show the star after the reply and ${held.starredInIndexedDb}/${rt.clicks} papers are starred in IndexedDB; after the instant pass ${instant.confirmedOnCard}/${rt.clicks} show it off and ${instant.starredInIndexedDb} are still starred.`);
  const c = rt.inputControl;
  line();
  line(`Control, input delivery of clicks on card titles (the click's timestamp → the first capture listener), alternately held and instant: without the extension ${ms(c.withoutExt.heldMs)} held, ${ms(c.withoutExt.instantMs)} instant; with it ${ms(c.withExt.heldMs)} held, ${ms(c.withExt.instantMs)} instant. An instant mouseup waits for the frame its mousedown started, extension or not.`);
}

function popupTable(popup, line) {
  line();
  line('## 4. Popup');
  line();
  line('Papers seeded into IndexedDB in the extension\'s origin; the popup page opened in a 420 × 600 tab. First rows: navigation start → the first saved-paper row in the DOM.');
  line();
  line('Search keystrokes: key press → the result list drawn (end of the next frame), once the whole list is read; typing "diffusion", and with typos ("difusion modles"). "On opening": typing at once, before the whole list is read (the query then waits for it).');
  line();
  line('| saved papers | first rows | rows in the DOM then | whole list read | search keystroke | with typos | typing on opening |');
  line('|---|---|---|---|---|---|---|');
  for (const p of Object.values(popup)) {
    const search = typeof p.searchKeystrokeMs === 'string' ? p.searchKeystrokeMs : msP95(p.searchKeystrokeMs);
    const opt = (x) => (x ? msP95(x) : 'n/a');
    line(`| ${p.papers.toLocaleString('en')} | ${ms(p.firstRowsMs)} | ${p.rows.atFirstRows} | ${p.wholeListMs ? ms(p.wholeListMs) : 'n/a'} | ${search} | ${opt(p.searchTypoKeystrokeMs)} | ${opt(p.searchOnOpeningKeystrokeMs)} |`);
  }
}

function bundleTable(b, line) {
  line();
  line('## 5. Bundle sizes');
  line();
  line('Chrome build (`.output/chrome-mv3`); an entrypoint counts every chunk and stylesheet it loads. gzip at zlib\'s default level.');
  line();
  line('| entrypoint | JS raw | JS gzip | CSS raw | CSS gzip | total gzip |');
  line('|---|---|---|---|---|---|');
  for (const [name, e] of Object.entries(b.entries)) {
    line(`| ${name} | ${e.js.rawKB} KB | ${e.js.gzipKB} KB | ${e.css.rawKB} KB | ${e.css.gzipKB} KB | ${e.totalGzipKB} KB |`);
  }
  const c = b.contentScript;
  line();
  line(`Content script, checked in the built file: Dexie ${c.dexie ? '**present**' : 'absent'}, indexedDB ${c.indexedDB ? '**present**' : 'absent'}, full zod ${c.fullZod ? '**present**' : 'absent'} (zod/mini ${c.zodMini ? 'present' : 'absent'}).`);
}

function scrollTable(scroll, line) {
  const first = Object.values(scroll)[0];
  line();
  line('## 7. Scrolling');
  line();
  line(`Each listing, once annotated, scrolled with the mouse wheel: ${first.steps} steps of ${first.stepPx} px, 16 ms apart. Each run in a browser of its own, after one unmeasured load of the same listing (the measured load meets a running worker). Median of ${first.runs} runs. Frames: the interval between frames (requestAnimationFrame) during the scroll; long frames: \`long-animation-frame\` entries (over 50 ms), their sum with min–max.`);
  line();
  line("Last column: each run's sum, with the cards whose controls went in after the page was parsed in brackets (the background's answer came late): those skip layout off-screen with `content-visibility: auto`, which costs each frame of a scroll.");
  line();
  line('| cards | extension | frame interval p50 / p90 | scroll took | long frames | their sum | longest | each run: sum (controls put in late) |');
  line('|---|---|---|---|---|---|---|---|');
  for (const s of Object.values(scroll)) {
    for (const [label, key] of [['with', 'withExt'], ['without', 'withoutExt']]) {
      const x = s[key];
      const runs = x.sumsMs?.map((sum, i) => `${sum} ms (${x.lateHosts[i]})`).join(', ') ?? '';
      const frames = x.frameP50Ms == null ? '' : `${x.frameP50Ms} / ${x.frameP90Ms} ms`;
      const took = x.wallMs === undefined ? '' : `${(x.wallMs / 1000).toFixed(1)} s`;
      line(`| ${s.cards} | ${label} | ${frames} | ${took} | ${x.longFrames} | ${x.sumMs} ms (${x.sumRangeMs[0]}–${x.sumRangeMs[1]}) | ${x.longestMs} ms | ${runs} |`);
    }
  }
  const traced = Object.values(scroll).filter((s) => s.withExt.phasesMs && s.withoutExt.phasesMs);
  if (traced.length === 0) return;
  line();
  line('One more traced scroll per size and side (tracing slows it a little): main-thread self time by phase over the scroll, with / without the extension.');
  line();
  for (const s of traced) {
    const phases = Object.keys(s.withExt.phasesMs).map((k) => `${k} ${s.withExt.phasesMs[k]} / ${s.withoutExt.phasesMs[k] ?? '–'} ms`);
    const late = s.withExt.tracedLateHosts ? ` (the traced run with the extension had ${s.withExt.tracedLateHosts} cards' controls put in late)` : '';
    line(`- ${s.cards} cards: ${phases.join('; ')}${late}.`);
  }
}

function memoryTable(m, line) {
  line();
  line('## 6. Memory');
  line();
  line(`${m.cards}-card listing, after annotation and two forced GCs. ${m.method}. The content script's isolated world shares the page's isolate, so its heap is the difference.`);
  line();
  line('| heap | with extension | without | extension\'s share |');
  line('|---|---|---|---|');
  line(`| V8 JS heap (all worlds of the page) | ${m.jsHeapWithExtMB} MB | ${m.jsHeapWithoutExtMB} MB | **${m.extensionJsHeapMB} MB** |`);
  line(`| Blink DOM heap (embedder) | ${num(m.domHeapWithExtMB, ' MB')} | ${num(m.domHeapWithoutExtMB, ' MB')} | ${num(m.extensionDomHeapMB, ' MB')} |`);
  line();
  line(`\`performance.memory.usedJSHeapSize\` read in the content script's world: ${m.performanceMemoryInContentWorldMB} MB: isolate-wide too, so not the world's own; read after attaching to the world, which allocates.`);
}

function profileLines(p, line) {
  line();
  line('## Profile');
  line();
  line(`CPU profile of a ${p.cards}-card load (CDP Profiler, 100 µs sampling): \`${p.file}\`. The extension's functions by inclusive time:`);
  line();
  for (const f of p.top) line(`- ${f.ms} ms \`${f.fn}\``);
}
