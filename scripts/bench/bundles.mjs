// 5. Bundle sizes of the Chrome build, per entrypoint (what each one loads: its script, the chunks
// and styles its HTML pulls in), raw and gzip (zlib's default level, as `gzip` without flags), and
// the content script checked for the database and for full zod in the built file itself.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const kb = (bytes) => Math.round((bytes / KB) * 10) / 10;

/** Files an extension page loads, from its HTML: module scripts, preloaded chunks, stylesheets. */
function pageFiles(dir, htmlPath) {
  const html = readFileSync(join(dir, htmlPath), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)].map((m) => m[1]);
  return refs.filter((r) => /\.(js|css)$/.test(r)).map((r) => r.replace(/^\//, ''));
}

/** Chunks a module imports statically (`import … from "/chunks/x.js"`), transitively. */
function withImports(dir, files) {
  const all = new Set(files);
  for (const f of all) {
    if (!f.endsWith('.js')) continue;
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:import|from)\s*["'](\/?(?:chunks|assets)\/[^"']+)["']/g)) all.add(m[1].replace(/^\//, ''));
  }
  return [...all];
}

function measure(dir, files) {
  const sum = (ext) => {
    const list = files.filter((f) => f.endsWith(ext));
    const bufs = list.map((f) => readFileSync(join(dir, f)));
    return {
      files: list,
      rawKB: kb(bufs.reduce((n, b) => n + b.length, 0)),
      gzipKB: kb(bufs.reduce((n, b) => n + gzipSync(b).length, 0)),
    };
  };
  const js = sum('.js');
  const css = sum('.css');
  return { js, css, totalGzipKB: Math.round((js.gzipKB + css.gzipKB) * 10) / 10 };
}

/** What must never be in the content script (it runs in huggingface.co's origin). */
export function contentScriptChecks(source) {
  return {
    // Dexie's own class name survives minification (it is a string in its error messages too).
    dexie: /\bDexie\b/.test(source),
    indexedDB: /\bindexedDB\b/.test(source),
    // Full zod registers classic classes ("ZodObject", "ZodString"); zod/mini's are "ZodMini…",
    // and the shared core's are "$Zod…".
    fullZod: /(?<![$\w])Zod(?:Object|String|Array|Number|Type)\b/.test(source),
    zodMini: /\bZodMini\w+/.test(source),
  };
}

export function benchBundles(outputDir = resolve(import.meta.dirname, '../../.output/chrome-mv3')) {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8'));
  const entries = {};
  for (const [i, cs] of (manifest.content_scripts ?? []).entries()) {
    const name = (manifest.content_scripts.length > 1 ? `content script ${i + 1}` : 'content script');
    entries[name] = measure(outputDir, withImports(outputDir, [...(cs.js ?? []), ...(cs.css ?? [])]));
  }
  if (manifest.background?.service_worker) {
    entries.background = measure(outputDir, withImports(outputDir, [manifest.background.service_worker]));
  }
  // The library page is not named in the manifest: an unlisted extension page (library.html).
  const pages = { popup: manifest.action?.default_popup, options: manifest.options_ui?.page ?? manifest.options_page, library: 'library.html' };
  for (const [name, html] of Object.entries(pages)) {
    if (html && existsSync(join(outputDir, html))) entries[name] = measure(outputDir, withImports(outputDir, pageFiles(outputDir, html)));
  }
  const contentJs = (manifest.content_scripts?.[0]?.js ?? []).map((f) => readFileSync(join(outputDir, f), 'utf8')).join('\n');
  return { build: outputDir, entries, contentScript: contentScriptChecks(contentJs) };
}
