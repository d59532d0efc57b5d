// A Vite plugin: the CSS our components keep in `const X_CSS = \`…\`` strings (shadow roots take CSS
// as text) is minified at build time, as the JS around it is. A bundler's minifier leaves string
// contents alone, and the content script has a size budget (25 KB gzip; `npm run bench`).
import type { Plugin } from 'vite';

/** Whitespace and comments out; nothing that changes a selector or a value. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1') // never around ':' (".a :hover" is not ".a:hover")
    .replace(/:\s+/g, ':') // a colon then a space is a declaration's, never a selector's
    .replace(/;}/g, '}')
    .trim();
}

const CSS_CONST = /(const [A-Z][A-Z_]*_CSS = `)([^`$]*)(`)/g;

export function minifyCssStrings(): Plugin {
  return {
    name: 'hfpt-minify-css-strings',
    apply: 'build',
    transform(code, id) {
      if (!/\/components\/[^/]+\.tsx?$/.test(id)) return null;
      const out = code.replace(CSS_CONST, (_, open: string, css: string, close: string) => open + minifyCss(css) + close);
      return out === code ? null : { code: out, map: null };
    },
  };
}
