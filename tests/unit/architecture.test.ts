// The rules the extension's safety rests on, checked on the source itself.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Every module the given entry imports, transitively (relative and "@/" imports), plus bare packages. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    // `import type` is erased at build time: it costs nothing and opens nothing.
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1];
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(file), spec);
        const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((p) => {
          try {
            return statSync(p).isFile();
          } catch {
            return false;
          }
        });
        if (!found) throw new Error(`cannot resolve ${spec} from ${relative(ROOT, file)}`);
        queue.push(found);
      } else {
        packages.add(spec);
      }
    }
  }
  return { files, packages };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('content script', () => {
  const graph = importGraph('entrypoints/papers.content/index.ts');
  const rel = [...graph.files].map((f) => relative(ROOT, f));

  it('never reaches the database: its IndexedDB would belong to huggingface.co', () => {
    expect(rel.filter((f) => f.startsWith('lib/db'))).toEqual([]);
    expect([...graph.packages].filter((p) => p.startsWith('dexie'))).toEqual([]);
  });

  it('carries no zod at all: the page’s JSON is parsed (and validated) by the background', () => {
    expect([...graph.packages].filter((p) => p.startsWith('zod'))).toEqual([]);
    expect(rel).not.toContain('lib/hf/embedded.ts');
  });

  it('carries no UI framework: its UI is built with the DOM (components/dom.ts), every KB being parsed on every page', () => {
    expect([...graph.packages].filter((p) => p.startsWith('preact'))).toEqual([]);
    expect(rel.filter((f) => f.endsWith('.tsx'))).toEqual([]);
  });

  it('tags nothing itself: the taxonomy and the rules engine run in the background (lib/tags/facets.ts)', () => {
    expect(rel.filter((f) => /^lib\/(tags\/(match|taxonomy|facets)|rules\/(engine|safe-regex))\.ts$/.test(f))).toEqual([]);
  });

  it('is really walked (the graph reaches the annotator and the page reader)', () => {
    expect(rel).toContain('lib/page/annotator.ts');
    expect(rel).toContain('lib/hf/props.ts');
  });
});

describe('markup safety', () => {
  it('no source builds markup from strings (innerHTML and friends)', () => {
    const offenders = ['entrypoints', 'lib', 'components']
      .flatMap(sourceFiles)
      .filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
