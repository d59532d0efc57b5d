import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { minifyCssStrings } from './scripts/build/minify-css-strings';

// One codebase, two builds: Chrome MV3 and Firefox MV2 (WXT's default for Firefox).
export default defineConfig({
  modules: [],
  // No auto-imports: every import is written out. An identifier that merely looked like one of
  // WXT's (a parameter named \`storage\`) once pulled @wxt-dev/storage into the content script.
  imports: false,
  ...(process.env.HFPT_NO_MINIFY ? { outDir: '.output-unminified' } : {}),
  vite: () => ({
    plugins: [preact(), ...(process.env.HFPT_NO_MINIFY ? [] : [minifyCssStrings()])],
    // HFPT_NO_MINIFY=1: readable function names in CPU profiles (`npm run bench -- --profile`).
    build: process.env.HFPT_NO_MINIFY ? { minify: false } : {},
  }),
  manifest: ({ browser }) => ({
    name: 'HF Papers Triage',
    description:
      'Triage Hugging Face Daily Papers: topic tags, code badges, star and hide on every card. Your data stays in your browser.',
    host_permissions: ['https://huggingface.co/*'],
    // The settings content scripts need, mirrored where they can read them without waking the
    // background (lib/page-settings.ts). No install warning.
    permissions: ['storage'],
    action: { default_title: 'HF Papers Triage: saved papers' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hf-papers-triage@hf-papers-triage.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
