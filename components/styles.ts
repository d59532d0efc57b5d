// CSS for our UI. UI_CSS goes inside each shadow root (and the popup); it reads colours from
// custom properties that PAGE_CSS sets on our hosts in the document, so light/dark follow HF's own
// theme (`html.dark`) without script. px, not rem: rem would follow the page's root size.

export const UI_CSS = `
:host { all: initial; display: block; font-family: inherit; color: var(--hfpt-fg); }
* { box-sizing: border-box; }
.controls { margin-bottom: 8px; }
.slot { display: contents; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; font-size: 13px; line-height: 18px; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; height: 20px; padding: 0 7px; border-radius: 6px;
  border: 1px solid var(--hfpt-border); background: var(--hfpt-chip-bg); color: var(--hfpt-fg);
  font-size: 12px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
.chip.hf { background: transparent; border-style: dashed; color: var(--hfpt-muted); }
.chip.manual { border-style: solid; border-color: var(--hfpt-focus); }
.chip { position: relative; }
.chip:is(:focus-visible, :focus-within)::after { content: attr(data-why); position: absolute; left: 0; top: 22px; z-index: 10; padding: 2px 6px;
  border-radius: 4px; background: var(--hfpt-fg); color: var(--hfpt-bg); font-size: 11.5px; white-space: nowrap; }
.chip:has(.x) { overflow: visible; }
.chip .x { all: unset; cursor: pointer; margin-left: 4px; color: var(--hfpt-muted); font-size: 13px; line-height: 1; }
.chip .x:focus-visible { outline: 2px solid var(--hfpt-focus); }
.chip .remove::before { content: "×"; }
.chip .mute::before { content: "⊘"; }
.chip .mute { width: 0; margin-left: 0; overflow: hidden; opacity: 0; font-size: 11px; }
.chip:hover .mute, .chip:focus-within .mute { width: auto; margin-left: 4px; opacity: 1; }
.new { display: var(--hfpt-new-display, none); align-items: center; height: 18px; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600;
  background: var(--hfpt-focus); color: var(--hfpt-bg); }
.add-tag { color: var(--hfpt-muted); border-style: dashed; height: 20px; font-size: 12px; user-select: none; }
.add-tag-form { display: inline-flex; gap: 4px; }
.tag-input { height: 22px; width: 130px; padding: 0 6px; border-radius: 6px; border: 1px solid var(--hfpt-border);
  background: var(--hfpt-bg); color: var(--hfpt-fg); font: inherit; font-size: 12px; }
.tag-input:focus-visible { outline: 2px solid var(--hfpt-focus); outline-offset: 0; }
.highlight { display: inline-flex; align-items: center; height: 20px; padding: 0 7px; border-radius: 6px; font-size: 12px;
  border: 1px solid var(--hfpt-accent); color: var(--hfpt-fg); }
.reason { flex: none; padding: 0 6px; border-radius: 6px; background: var(--hfpt-chip-bg); color: var(--hfpt-muted); font-size: 12px; }
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 8px; font-size: 12.5px; }
.filter-label { color: var(--hfpt-muted); margin-right: 2px; }
.ftag { display: inline-flex; align-items: center; gap: 4px; height: 22px; padding: 0 7px; border-radius: 11px;
  border: 1px solid var(--hfpt-border); background: var(--hfpt-bg); color: var(--hfpt-fg); font: inherit; font-size: 12px; cursor: pointer; }
.ftag:hover { background: var(--hfpt-hover); }
.ftag .n { color: var(--hfpt-muted); font-size: 11px; }
.ftag.only { background: var(--hfpt-focus); border-color: var(--hfpt-focus); color: var(--hfpt-bg); }
.ftag.only .n { color: inherit; }
.ftag.not { text-decoration: line-through; color: var(--hfpt-muted); }
.ftag:focus-visible, .flink:focus-visible { outline: 2px solid var(--hfpt-focus); outline-offset: 1px; }
.flink { all: unset; cursor: pointer; color: var(--hfpt-fg); text-decoration: underline; text-underline-offset: 2px; font-size: 12px; margin-left: 4px; }
.fstatus { color: var(--hfpt-muted); margin-left: 6px; }
.btn { display: inline-flex; align-items: center; gap: 4px; height: 24px; padding: 0 8px; border-radius: 8px;
  border: 1px solid var(--hfpt-border); background: var(--hfpt-bg); color: var(--hfpt-fg);
  font: inherit; font-size: 12.5px; cursor: pointer; white-space: nowrap; text-decoration: none; }
.btn:hover { background: var(--hfpt-hover); }
/* Icons: one span each, drawn by a mask in the current colour (an inline SVG per icon was a good
   part of the elements and attributes a listing's cards cost). */
.icon { display: inline-block; flex: none; width: 12px; height: 12px; background: currentColor;
  -webkit-mask-repeat: no-repeat; mask-repeat: no-repeat; -webkit-mask-size: contain; mask-size: contain; }
.icon-star { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='m6.6 2.6.3 1c.2.4.6.8 1.2.8h1c.6 0 .8.8.3 1.1l-.8.6c-.4.3-.6.9-.4 1.4l.3 1c.2.5-.5 1-1 .6l-.8-.5a1 1 0 0 0-1.4 0l-.8.5a.6.6 0 0 1-1-.7l.3-1c.2-.4 0-1-.4-1.3l-.8-.6a.6.6 0 0 1 .3-1.1h1c.6 0 1-.4 1.2-.9l.3-.9c.2-.6 1-.6 1.2 0Z' fill='none' stroke='black' stroke-width='0.9'/%3E%3C/svg%3E"); mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='m6.6 2.6.3 1c.2.4.6.8 1.2.8h1c.6 0 .8.8.3 1.1l-.8.6c-.4.3-.6.9-.4 1.4l.3 1c.2.5-.5 1-1 .6l-.8-.5a1 1 0 0 0-1.4 0l-.8.5a.6.6 0 0 1-1-.7l.3-1c.2-.4 0-1-.4-1.3l-.8-.6a.6.6 0 0 1 .3-1.1h1c.6 0 1-.4 1.2-.9l.3-.9c.2-.6 1-.6 1.2 0Z' fill='none' stroke='black' stroke-width='0.9'/%3E%3C/svg%3E"); }
.icon-star-filled { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='m6.6 2.6.3 1c.2.4.6.8 1.2.8h1c.6 0 .8.8.3 1.1l-.8.6c-.4.3-.6.9-.4 1.4l.3 1c.2.5-.5 1-1 .6l-.8-.5a1 1 0 0 0-1.4 0l-.8.5a.6.6 0 0 1-1-.7l.3-1c.2-.4 0-1-.4-1.3l-.8-.6a.6.6 0 0 1 .3-1.1h1c.6 0 1-.4 1.2-.9l.3-.9c.2-.6 1-.6 1.2 0Z' fill='black' stroke='black' stroke-width='0.9'/%3E%3C/svg%3E"); mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='m6.6 2.6.3 1c.2.4.6.8 1.2.8h1c.6 0 .8.8.3 1.1l-.8.6c-.4.3-.6.9-.4 1.4l.3 1c.2.5-.5 1-1 .6l-.8-.5a1 1 0 0 0-1.4 0l-.8.5a.6.6 0 0 1-1-.7l.3-1c.2-.4 0-1-.4-1.3l-.8-.6a.6.6 0 0 1 .3-1.1h1c.6 0 1-.4 1.2-.9l.3-.9c.2-.6 1-.6 1.2 0Z' fill='black' stroke='black' stroke-width='0.9'/%3E%3C/svg%3E"); }
.icon-eye-off { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.4'%3E%3Cpath d='M2 2l12 12M6.6 6.7a2 2 0 0 0 2.7 2.7M4.2 4.5C2.9 5.4 2 6.6 1.5 8c1.1 2.9 3.6 4.5 6.5 4.5 1.3 0 2.5-.3 3.5-.9M7 3.6c.3 0 .7-.1 1-.1 2.9 0 5.4 1.6 6.5 4.5-.3.9-.8 1.7-1.4 2.4'/%3E%3C/svg%3E"); mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.4'%3E%3Cpath d='M2 2l12 12M6.6 6.7a2 2 0 0 0 2.7 2.7M4.2 4.5C2.9 5.4 2 6.6 1.5 8c1.1 2.9 3.6 4.5 6.5 4.5 1.3 0 2.5-.3 3.5-.9M7 3.6c.3 0 .7-.1 1-.1 2.9 0 5.4 1.6 6.5 4.5-.3.9-.8 1.7-1.4 2.4'/%3E%3C/svg%3E"); }
.icon-code { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.5'%3E%3Cpath d='M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4'/%3E%3C/svg%3E"); mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.5'%3E%3Cpath d='M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4'/%3E%3C/svg%3E"); }
.icon-globe { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.3'%3E%3Ccircle cx='8' cy='8' r='6.3'/%3E%3Cpath d='M1.7 8h12.6M8 1.7c1.8 1.9 2.6 4 2.6 6.3S9.8 12.4 8 14.3C6.2 12.4 5.4 10.3 5.4 8S6.2 3.6 8 1.7Z'/%3E%3C/svg%3E"); mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.3'%3E%3Ccircle cx='8' cy='8' r='6.3'/%3E%3Cpath d='M1.7 8h12.6M8 1.7c1.8 1.9 2.6 4 2.6 6.3S9.8 12.4 8 14.3C6.2 12.4 5.4 10.3 5.4 8S6.2 3.6 8 1.7Z'/%3E%3C/svg%3E"); }
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

const LIGHT = `--hfpt-fg:#374151;--hfpt-muted:#6b7280;--hfpt-border:#e5e7eb;--hfpt-bg:#fff;--hfpt-chip-bg:#f9fafb;--hfpt-hover:#f3f4f6;--hfpt-focus:#3b82f6;--hfpt-star-fg:#92400e;--hfpt-star-bg:#fef9c3;--hfpt-star-border:#fde047;--hfpt-accent:#7c3aed;`;
const DARK = `--hfpt-fg:#d1d5db;--hfpt-muted:#9ca3af;--hfpt-border:#374151;--hfpt-bg:#111827;--hfpt-chip-bg:#1f2937;--hfpt-hover:#1f2937;--hfpt-focus:#60a5fa;--hfpt-star-fg:#fde68a;--hfpt-star-bg:#422006;--hfpt-star-border:#a16207;--hfpt-accent:#a78bfa;`;

/**
 * Document-level rules: only our own data attributes, never the page's classes. The colours are
 * set on our hosts (every one carries data-hfpt-ui), not on :root: a custom property set on :root
 * is inherited by every element of the page, so adding this sheet would restyle the whole page
 * (~300 ms on a 1000-card listing). Controls put in after the page was parsed (data-hfpt-late) skip
 * style and layout while off-screen (content-visibility): put in together, they would make the page
 * lay out every card's controls in one frame (~550 against ~300 ms on 1000 cards). Those put in while
 * the page is parsed are laid out with it and do without: content-visibility costs every frame of a
 * scroll (pre-paint of each such element; 1000 cards: ~5.5 s of long frames over a 24,000 px scroll
 * against ~2 s). The 4px of padding, taken back by the margin, keep focus rings clear of its paint clip.
 */
export const PAGE_CSS = `
[data-hfpt-ui] { ${LIGHT} }
:root.dark [data-hfpt-ui] { ${DARK} }
[data-hfpt-controls] { padding: 0 4px; margin: 0 -4px; }
[data-hfpt-controls][data-hfpt-late] { content-visibility: auto; contain-intrinsic-size: auto 68px; }
[data-hfpt-collapsed] { display: none; }
:root:not([data-hfpt-peek]) :is([data-hfpt-hidden], [data-hfpt-muted]) > [data-hfpt-collapsed] { display: block; }
:root:not([data-hfpt-peek]) :is([data-hfpt-hidden], [data-hfpt-muted]) > :not([data-hfpt-collapsed]) { display: none !important; }
:root:not([data-hfpt-peek]) :is([data-hfpt-hidden], [data-hfpt-muted]) { height: auto !important; min-height: 0 !important; }
:root[data-hfpt-peek] :is([data-hfpt-hidden], [data-hfpt-muted]) { opacity: 0.7; }
[data-hfpt-filtered] { display: none !important; }
/* "New" marks mean something only next to papers seen before: shown once the page has one. */
:root[data-hfpt-has-seen] [data-hfpt-controls] { --hfpt-new-display: inline-flex; }
[data-hfpt-seen]:not(:hover):not(:focus-within):not([data-hfpt-current]) { opacity: 0.6; }
:root[data-hfpt-highlight-first] [data-hfpt-highlight] { order: -1; }
[data-hfpt-current] { outline: 2px solid #3b82f6; outline-offset: 4px; scroll-margin: 72px 0 16px; }
:root.dark [data-hfpt-current] { outline-color: #60a5fa; }
[data-hfpt-highlight] { box-shadow: inset 3px 0 0 var(--hfpt-accent, #7c3aed); }
`;
