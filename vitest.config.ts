import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Pure-logic timings (tags, rules, search over 1000s of papers): `npm run bench:logic`, never in `npm test`.
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'https://huggingface.co/papers' } },
  },
});
