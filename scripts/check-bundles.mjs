// After `npm run build`: the content script, which runs in huggingface.co's origin, must not carry
// the database (Dexie, IndexedDB) nor zod (the background parses what the page sends), nor a UI framework
// (its UI is built with the DOM: components/dom.ts). Checks the built files themselves, so that no
// import path (auto-imports included) can slip past. Prints each bundle's size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv2']) {
  const dir = join('.output', target);
  const content = readFileSync(join(dir, 'content-scripts/papers.js'), 'utf8');
  const forbidden = { Dexie: /\bDexie\b/, IndexedDB: /\bindexedDB\b/, zod: /(?<![$\w])Zod(?:Mini)?(?:Object|Type|String)\b/, "WXT's storage": /@wxt-dev\/storage/, Preact: /dangerouslySetInnerHTML/ }; // a prop name every Preact (and React) diff checks
  for (const [name, pattern] of Object.entries(forbidden)) {
    if (pattern.test(content)) {
      console.error(`✗ ${target}: the content script contains ${name}`);
      failed = true;
    }
  }
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(js|css)$/.test(f));
  const sizes = files.map((f) => {
    const buf = readFileSync(join(dir, f));
    return `${f} ${(buf.length / 1024).toFixed(1)} KB (${(gzipSync(buf).length / 1024).toFixed(1)} KB gzip)`;
  });
  console.log(`${target}:\n  ${sizes.join('\n  ')}`);
}
if (failed) process.exit(1);
console.log('✓ content script: no Dexie, no IndexedDB, no zod, no WXT storage, no Preact');
