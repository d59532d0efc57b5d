// `npm run bench`: the built extension in Debian's Chromium, measured (see bench/README.md).
// Writes bench/results.json and bench/results.md, prints the table. Never fails on time: the exit
// code is 0 unless the harness itself breaks.
//
//   node scripts/bench.mjs [--runs=5] [--quick] [--only=annotation,trace,roundtrip,popup,bundles,memory,scroll]
//                          [--profile] [--extension-dir=.output/chrome-mv3]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import { benchAnnotation } from './bench/annotation.mjs';
import { launch } from './bench/browser.mjs';
import { benchBundles } from './bench/bundles.mjs';
import { profileListing, traceListing } from './bench/diagnose.mjs';
import { benchMemory } from './bench/memory.mjs';
import { benchPaperId, listingWithCards } from './bench/pages.mjs';
import { benchPopup } from './bench/popup.mjs';
import { budgets, toMarkdown } from './bench/report.mjs';
import { benchRoundTrip } from './bench/roundtrip.mjs';
import { benchScroll } from './bench/scroll.mjs';
import { round1 } from './bench/stats.mjs';
import { CHROMIUM_PATH } from '../tests/e2e/harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
/** bench/results.md is committed as the latest full measurement; partial or other-build runs go aside. */
const OUT_DIR = resolve(ROOT, 'bench');
const PARTIAL_OUT_DIR = resolve(ROOT, 'test-results/bench');
const SECTIONS = ['annotation', 'trace', 'roundtrip', 'popup', 'bundles', 'memory', 'scroll'];

function options(argv) {
  const arg = (name) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const value = (name) => arg(name)?.split('=').slice(1).join('=');
  const quick = !!arg('quick');
  const only = value('only')?.split(',') ?? SECTIONS;
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return {
    partial: !!value('only') || !!value('extension-dir'),
    runs: Number(value('runs') ?? (quick ? 2 : 5)),
    only: new Set(only),
    profile: !!arg('profile'),
    extensionDir: value('extension-dir') ? resolve(value('extension-dir')) : undefined,
  };
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const started = Date.now();
  const log = (s) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);
  const sizes = [100, 1000];
  const scrollSizes = [300, 1000];
  const pages = new Map([...new Set([...sizes, ...scrollSizes])].map((n) => [n, listingWithCards(n)]));
  const results = {
    meta: {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
      chromium: chromiumVersion(),
      node: process.version,
      runs: opts.runs,
      pageNote: `listing_2024-08-01.html, its 13 cards and their data plus the 37 papers of 2026-05-08 cloned to ${sizes.join(' and ')} distinct cards; ${sizes.map((n) => `${n} cards = ${(pages.get(n).length / 1024 / 1024).toFixed(1)} MB`).join(', ')}; served at https://huggingface.co/papers?bench=N with every other request aborted and images off`,
      extensionDir: opts.extensionDir ?? '.output/chrome-mv3',
      /** 1-minute load average before the run (other work on the machine makes figures noisy). */
      load: { start: round1(loadavg()[0]) },
    },
  };
  if (results.meta.load.start > cpus().length / 2) {
    log(`warning: the machine is busy (load ${results.meta.load.start} on ${cpus().length} cores); figures will be noisy`);
  }

  if (opts.only.has('bundles')) {
    log('bundle sizes');
    results.bundles = benchBundles(opts.extensionDir);
  }

  const needsListing = ['annotation', 'trace', 'roundtrip', 'memory'].some((s) => opts.only.has(s)) || opts.profile;
  if (needsListing) {
    const withExt = await launch({ extension: true, pages, extensionDir: opts.extensionDir });
    const withoutExt = await launch({ extension: false, pages });
    try {
      if (opts.only.has('annotation')) {
        log(`annotation latency and long tasks: ${sizes.join(' and ')} cards, ${opts.runs} runs each, with and without the extension`);
        results.annotation = await benchAnnotation({ withExt, withoutExt, sizes, runs: opts.runs, log });
      }
      if (opts.only.has('trace')) {
        log('one traced load per size');
        results.traces = {};
        for (const n of sizes) results.traces[n] = await traceListing(withExt, n, { save: opts.profile });
      }
      if (opts.profile) {
        log('CPU profile of the 1000-card load');
        results.profiles = { cards: 1000, ...(await profileListing(withExt, 1000)) };
      }
      if (opts.only.has('memory')) {
        log('memory on the 1000-card listing');
        results.memory = await benchMemory({ withExt, withoutExt, cards: 1000, runs: Math.min(opts.runs, 3) });
      }
      if (opts.only.has('roundtrip')) {
        log('star round trip: 100 clicks held, 100 instant; then input delivery with and without the extension');
        const ids = Array.from({ length: 100 }, (_, i) => benchPaperId(i));
        results.roundTrip = await benchRoundTrip(withExt, withoutExt, { cards: 100, clicks: 100, ids });
      }
    } finally {
      await withExt.close();
      await withoutExt.close();
    }
  }

  if (opts.only.has('scroll')) {
    // A browser per run (scroll.mjs says why), so none of the two above.
    log(`scrolling ${scrollSizes.join(' and ')} cards with the wheel, ${Math.min(opts.runs, 4)} runs each, with and without the extension, each in a browser of its own`);
    results.scroll = await benchScroll({
      withExt: { extension: true, pages, extensionDir: opts.extensionDir },
      withoutExt: { extension: false, pages },
      sizes: scrollSizes,
      runs: Math.min(opts.runs, 4),
      log,
    });
  }

  if (opts.only.has('popup')) {
    log('popup with 1,000 and 10,000 saved papers');
    const popupBrowser = await launch({ extension: true, extensionDir: opts.extensionDir });
    try {
      results.popup = await benchPopup(popupBrowser, { counts: [1000, 10000], runs: opts.runs, log });
    } finally {
      await popupBrowser.close();
    }
  }

  results.budgets = budgets(results);
  const outDir = opts.partial ? PARTIAL_OUT_DIR : OUT_DIR;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const md = toMarkdown(results);
  writeFileSync(resolve(outDir, 'results.md'), md);
  console.log('\n' + md);
  log(`done; wrote ${relative(ROOT, outDir)}/results.json and results.md`);
}

main().catch((err) => {
  console.error('[bench] the harness broke:', err);
  process.exit(1);
});
