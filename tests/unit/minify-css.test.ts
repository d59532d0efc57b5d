// The build's CSS-string minifier (scripts/build/minify-css-strings.ts): whitespace and comments
// out, every selector and declaration as it was.
import { describe, expect, it } from 'vitest';
import { minifyCss } from '../../scripts/build/minify-css-strings';
import { UI_CSS } from '@/components/styles';
import { KEY_HELP_CSS } from '@/components/KeyHelp';

/** Rules as [selector, declarations[]], whitespace normalised (", " is ","): what a stylesheet would hold. */
function rules(css: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  const body = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of body.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1].trim().replace(/\s*([,>])\s*/g, '$1').replace(/\s+/g, ' ');
    const decls = m[2].split(';').map((d) => d.trim().replace(/\s+/g, ' ').replace(/:\s*/, ':').replace(/\s*,\s*/g, ',')).filter(Boolean);
    out.push([selector, decls]);
  }
  return out;
}

describe('minifyCss', () => {
  it('keeps what separates selectors and values', () => {
    expect(minifyCss('.a :hover { color: red ; }')).toBe('.a :hover{color:red}');
    expect(minifyCss('.a > .b,\n  .c .d { margin: 0 4px; font: 12px  "A B"; }')).toBe('.a>.b,.c .d{margin:0 4px;font:12px "A B"}');
    expect(minifyCss('/* why */ .x { content: "×"; } /* and */')).toBe('.x{content:"×"}');
  });

  it('gives the same rules for the stylesheets we ship, shorter', () => {
    for (const css of [UI_CSS, KEY_HELP_CSS]) {
      const small = minifyCss(css);
      expect(small.length).toBeLessThan(css.length * 0.95);
      expect(rules(small)).toEqual(rules(css));
    }
  });
});
