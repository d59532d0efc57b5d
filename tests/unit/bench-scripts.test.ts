// The bench's scripts run only under `npm run bench`, never in CI: a syntax error in one (a quote
// in a report line) would go unseen until someone benchmarks. Node checks each one here.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPTS = resolve(import.meta.dirname, '../../scripts');
const modules = readdirSync(SCRIPTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));

describe('bench and build scripts', () => {
  it('finds the bench modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['bench.mjs', join('bench', 'report.mjs'), join('bench', 'roundtrip.mjs')]));
  });

  it.each(modules)('%s parses', (file) => {
    expect(() => execFileSync(process.execPath, ['--check', join(SCRIPTS, file)], { stdio: 'pipe' })).not.toThrow();
  });
});
