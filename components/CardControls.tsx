import type { PaperState } from '@/lib/messages';
import { EyeOffIcon, StarIcon } from './icons';
import { LinkBadges, type LinkView } from './LinkBadges';
import { AddTag, TagList, type TagView } from './TagList';

export interface CardView {
  id: string;
  title: string;
  tags: TagView[];
  links: LinkView;
  /** A highlight rule matched: why ("highlighted: author Kaiming He") and its colour. */
  highlight?: { reason: string; color?: string };
}

export interface CardControlsProps {
  view: CardView;
  state: PaperState;
  onStar: (e: Event) => void;
  onHide: (e: Event) => void;
  onAddTag?: (label: string, e: Event) => void;
  onRemoveTag?: (label: string, e: Event) => void;
  onMuteTag?: (label: string, e: Event) => void;
  /** Not seen on an earlier visit. */
  isNew?: boolean;
}

/** Tags, then Star / Hide and the code and project links, under a card's title. */
export function CardControls({ view, state, onStar, onHide, onAddTag, onRemoveTag, onMuteTag, isNew }: CardControlsProps) {
  return (
    <div class="controls">
      <div class="row">
        {isNew && (
          <span class="new" title="Not seen on an earlier visit">
            New
          </span>
        )}
        {view.highlight && (
          <span class="highlight" title={view.highlight.reason} style={accent(view.highlight.color)}>
            {view.highlight.reason.replace(/^highlighted: /, '★ ')}
          </span>
        )}
        <TagList tags={view.tags} onRemove={onRemoveTag} onMute={onMuteTag} />
        {onAddTag && <AddTag onAdd={onAddTag} />}
      </div>
      <div class="row">
        <button type="button" class="btn star" aria-pressed={state.starred} onClick={onStar} title={state.starred ? 'In your library: click to remove it' : 'Save this paper to your library'}>
          <StarIcon filled={state.starred} />
          Star
        </button>
        <button type="button" class="btn hide" onClick={onHide} aria-label={state.hidden ? 'Show' : 'Hide'} title={state.hidden ? 'Stop hiding this paper' : 'Hide this paper everywhere on Hugging Face Papers'}>
          <EyeOffIcon />
          {state.hidden ? 'Show' : 'Hide'}
        </button>
        <LinkBadges links={view.links} showStatus />
      </div>
    </div>
  );
}

const accent = (color?: string) => (color && /^#[0-9a-fA-F]{6}$/.test(color) ? { borderColor: color } : undefined);

/**
 * What a hidden card collapses to: its title, muted, and a way back. A card muted by a rule says
 * which rule ("muted: tag Diffusion"); its Show reveals it for this page view only.
 */
export function HiddenRow({ title, onShow, reason }: { title: string; onShow: (e: Event) => void; reason?: string }) {
  return (
    <div class="collapsed">
      {reason && <span class="reason">{reason}</span>}
      <span class="title" id="title" title={title}>
        {title}
      </span>
      <button type="button" class="btn" onClick={onShow} aria-describedby="title">
        Show
      </button>
    </div>
  );
}

/** "3 papers hidden on this page (2 by you, 1 muted by rules)". */
export function hiddenText(byYou: number, muted: number): string {
  const count = byYou + muted;
  if (count === 0) return '';
  const head = count === 1 ? '1 paper hidden on this page' : `${count} papers hidden on this page`;
  if (muted === 0) return head;
  return `${head} (${byYou} by you, ${muted} muted by rules)`;
}

/**
 * "N hidden on this page · show all", above the list. The status line stays mounted (empty when
 * nothing is hidden) so screen readers announce changes to it.
 */
export function HiddenSummary({ byYou, muted, peeking, onToggle }: { byYou: number; muted: number; peeking: boolean; onToggle: () => void }) {
  const count = byYou + muted;
  return (
    <div class="summary">
      <span role="status">{hiddenText(byYou, muted)}</span>
      {count > 0 && (
        <>
          <span aria-hidden="true">·</span>
          <button type="button" onClick={onToggle}>
            {peeking ? 'collapse hidden' : 'show all'}
          </button>
        </>
      )}
    </div>
  );
}
