// Icons: a span drawn by a CSS mask (UI_CSS: .icon-*), in the current colour. Static, no page text.
const Icon = ({ name }: { name: string }) => <span class={`icon icon-${name}`} aria-hidden="true" />;

export const StarIcon = ({ filled }: { filled: boolean }) => <Icon name={filled ? 'star-filled' : 'star'} />;
export const EyeOffIcon = () => <Icon name="eye-off" />;
export const CodeIcon = () => <Icon name="code" />;
export const GlobeIcon = () => <Icon name="globe" />;
