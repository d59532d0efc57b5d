// CSS for our UI. UI_CSS goes inside each shadow root (and the popup); it reads colours from
// custom properties that PAGE_CSS sets on our hosts in the document, so light/dark follow HF's own
// theme (`html.dark`) without script. px, not rem: rem would follow the page's root size.

export const UI_CSS = `
:host { all: initial; display: block; font-family: inherit; color: var(--hfpt-fg); }
* { box-sizing: border-box; }
.controls { margin-bottom: 8px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; font-size: 13px; line-height: 18px; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; height: 20px; padding: 0 7px; border-radius: 6px;
  border: 1px solid var(--hfpt-border); background: var(--hfpt-chip-bg); color: var(--hfpt-fg);
  font-size: 12px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
.chip.hf { background: transparent; border-style: dashed; color: var(--hfpt-muted); }
.btn { display: inline-flex; align-items: center; gap: 4px; height: 24px; padding: 0 8px; border-radius: 8px;
  border: 1px solid var(--hfpt-border); background: var(--hfpt-bg); color: var(--hfpt-fg);
  font: inherit; font-size: 12.5px; cursor: pointer; white-space: nowrap; text-decoration: none; }
.btn:hover { background: var(--hfpt-hover); }
.btn:focus-visible, .chip:focus-visible { outline: 2px solid var(--hfpt-focus); outline-offset: 1px; }
.btn[aria-pressed="true"].star { color: var(--hfpt-star-fg); border-color: var(--hfpt-star-border); background: var(--hfpt-star-bg); }
.btn.link { color: var(--hfpt-fg); }
.btn .sub { color: var(--hfpt-muted); max-width: 170px; overflow: hidden; text-overflow: ellipsis; }
.none { color: var(--hfpt-muted); font-size: 12px; }
.collapsed { display: flex; align-items: center; gap: 10px; padding: 8px 14px; font-size: 13px; }
.collapsed .title { flex: 1; min-width: 0; color: var(--hfpt-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.summary { display: flex; align-items: center; gap: 6px; margin: 0 0 12px; font-size: 13px; color: var(--hfpt-muted); }
.summary button { all: unset; cursor: pointer; color: var(--hfpt-fg); text-decoration: underline; text-underline-offset: 2px; }
.summary button:focus-visible { outline: 2px solid var(--hfpt-focus); outline-offset: 1px; }
.notice { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;
  padding: 6px 6px 6px 12px; border-radius: 10px; border: 1px solid var(--hfpt-border); background: var(--hfpt-bg);
  color: var(--hfpt-muted); font-size: 12.5px; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
`;

const LIGHT = `--hfpt-fg:#374151;--hfpt-muted:#6b7280;--hfpt-border:#e5e7eb;--hfpt-bg:#fff;--hfpt-chip-bg:#f9fafb;--hfpt-hover:#f3f4f6;--hfpt-focus:#3b82f6;--hfpt-star-fg:#92400e;--hfpt-star-bg:#fef9c3;--hfpt-star-border:#fde047;`;
const DARK = `--hfpt-fg:#d1d5db;--hfpt-muted:#9ca3af;--hfpt-border:#374151;--hfpt-bg:#111827;--hfpt-chip-bg:#1f2937;--hfpt-hover:#1f2937;--hfpt-focus:#60a5fa;--hfpt-star-fg:#fde68a;--hfpt-star-bg:#422006;--hfpt-star-border:#a16207;`;

/**
 * Document-level rules: only our own data attributes, never the page's classes. The colours are
 * set on our hosts (every one carries data-hfpt-ui), not on :root: a custom property set on :root
 * is inherited by every element of the page, so adding this sheet would restyle the whole page
 * (~300 ms on a 1000-card listing). Off-screen controls skip style and layout (content-visibility);
 * the 4px of padding, taken back by the margin, keep focus rings clear of its paint clip.
 */
export const PAGE_CSS = `
[data-hfpt-ui] { ${LIGHT} }
:root.dark [data-hfpt-ui] { ${DARK} }
[data-hfpt-controls] { content-visibility: auto; contain-intrinsic-size: auto 68px; padding: 0 4px; margin: 0 -4px; }
[data-hfpt-collapsed] { display: none; }
:root:not([data-hfpt-peek]) [data-hfpt-hidden] > [data-hfpt-collapsed] { display: block; }
:root:not([data-hfpt-peek]) [data-hfpt-hidden] > :not([data-hfpt-collapsed]) { display: none !important; }
:root:not([data-hfpt-peek]) [data-hfpt-hidden] { height: auto !important; min-height: 0 !important; }
:root[data-hfpt-peek] [data-hfpt-hidden] { opacity: 0.7; }
`;
