import type { PaperState } from '@/lib/messages';
import { EyeOffIcon, StarIcon } from './icons';
import { LinkBadges, type LinkView } from './LinkBadges';
import { TagList, type TagView } from './TagList';

export interface CardView {
  id: string;
  title: string;
  tags: TagView[];
  links: LinkView;
}

export interface CardControlsProps {
  view: CardView;
  state: PaperState;
  onStar: (e: Event) => void;
  onHide: (e: Event) => void;
}

/** Tags, then Star / Hide and the code and project links, under a card's title. */
export function CardControls({ view, state, onStar, onHide }: CardControlsProps) {
  return (
    <div class="controls">
      <div class="row">
        <TagList tags={view.tags} />
      </div>
      <div class="row">
        <button type="button" class="btn star" aria-pressed={state.starred} onClick={onStar} title={state.starred ? 'Remove from your saved papers' : 'Save this paper'}>
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

/** What a hidden card collapses to: its title, muted, and a way back. */
export function HiddenRow({ title, onShow }: { title: string; onShow: (e: Event) => void }) {
  return (
    <div class="collapsed">
      <span class="title" id="title" title={title}>
        {title}
      </span>
      <button type="button" class="btn" onClick={onShow} aria-describedby="title">
        Show
      </button>
    </div>
  );
}

/**
 * "N hidden on this page · show all", above the list. The status line stays mounted (empty when
 * nothing is hidden) so screen readers announce changes to it.
 */
export function HiddenSummary({ count, peeking, onToggle }: { count: number; peeking: boolean; onToggle: () => void }) {
  return (
    <div class="summary">
      <span role="status">{count === 0 ? '' : count === 1 ? '1 paper hidden on this page' : `${count} papers hidden on this page`}</span>
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
