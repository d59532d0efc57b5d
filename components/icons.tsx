// Inline SVG icons (static markup, no page text).
export function StarIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" width="12" height="12">
      <path
        d="m6.6 2.6.3 1c.2.4.6.8 1.2.8h1c.6 0 .8.8.3 1.1l-.8.6c-.4.3-.6.9-.4 1.4l.3 1c.2.5-.5 1-1 .6l-.8-.5a1 1 0 0 0-1.4 0l-.8.5a.6.6 0 0 1-1-.7l.3-1c.2-.4 0-1-.4-1.3l-.8-.6a.6.6 0 0 1 .3-1.1h1c.6 0 1-.4 1.2-.9l.3-.9c.2-.6 1-.6 1.2 0Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="0.9"
      />
    </svg>
  );
}

export function EyeOffIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.4">
      <path d="M2 2l12 12M6.6 6.7a2 2 0 0 0 2.7 2.7M4.2 4.5C2.9 5.4 2 6.6 1.5 8c1.1 2.9 3.6 4.5 6.5 4.5 1.3 0 2.5-.3 3.5-.9M7 3.6c.3 0 .7-.1 1-.1 2.9 0 5.4 1.6 6.5 4.5-.3.9-.8 1.7-1.4 2.4" />
    </svg>
  );
}

export function CodeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.5">
      <path d="M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4" />
    </svg>
  );
}

export function GlobeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.3">
      <circle cx="8" cy="8" r="6.3" />
      <path d="M1.7 8h12.6M8 1.7c1.8 1.9 2.6 4 2.6 6.3S9.8 12.4 8 14.3C6.2 12.4 5.4 10.3 5.4 8S6.2 3.6 8 1.7Z" />
    </svg>
  );
}
