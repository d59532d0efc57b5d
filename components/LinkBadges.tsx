import { useState } from 'preact/hooks';
import { compactCount } from './format';
import { CodeIcon, GlobeIcon } from './icons';

export interface ExtraLink {
  label: string;
  url: string;
}

export interface LinkView {
  /** The primary code link: a normalised https repository URL. */
  codeUrl?: string;
  /** "owner/repo". */
  codeName?: string;
  codeStars?: number;
  /** An https project page. */
  projectUrl?: string;
  /** Further links (other repositories, demos, datasets, models), behind "+N". */
  extra?: ExtraLink[];
  /** Without a code link: asking Hugging Face, Hugging Face knows none, or not asked. */
  codeStatus?: 'checking' | 'none' | 'unchecked';
  /** Models, datasets and Spaces citing the paper on Hugging Face ("3 models · 2 Spaces"). */
  citing?: { text: string; label: string; url: string };
}

const STATUS_TEXT = {
  checking: ['Checking code…', 'Asking Hugging Face for this paper’s code'],
  none: ['No code yet', 'Hugging Face knows no repository for this paper yet'],
  unchecked: ['Code not checked', 'No code link on this page; lookups on Hugging Face are off or failed'],
} as const;

/** The "Code …" and "Project page" links. URLs must already be validated https (lib/links). */
export function LinkBadges({ links, showStatus }: { links: LinkView; showStatus?: boolean }) {
  const { codeUrl, codeName, codeStars, projectUrl, extra = [], codeStatus, citing } = links;
  const [expanded, setExpanded] = useState(false);
  // The name starts with what the badge shows, word for word (speech input users say what they see).
  const starsText = codeStars !== undefined ? ` ★ ${compactCount(codeStars)} (${codeStars} GitHub stars)` : '';
  const status = !codeUrl && showStatus ? STATUS_TEXT[codeStatus ?? 'unchecked'] : null;
  return (
    <>
      {codeUrl && (
        <a
          class="btn link"
          href={codeUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Code ${codeName ?? ''}${starsText}`.replace('  ', ' ').trim()}
          title={codeUrl}
        >
          <CodeIcon />
          Code{' '}
          {codeName && <span class="sub">{codeName}</span>}{' '}
          {codeStars !== undefined && <span class="sub">★ {compactCount(codeStars)}</span>}
        </a>
      )}
      {status && (
        <span class="none" title={status[1]}>
          {status[0]}
        </span>
      )}
      {projectUrl && (
        <a class="btn link" href={projectUrl} target="_blank" rel="noopener noreferrer" aria-label={`Project page: ${hostOf(projectUrl)}`} title={projectUrl}>
          <GlobeIcon />
          Project page
        </a>
      )}
      {citing && (
        <a class="btn link" href={citing.url} target="_blank" rel="noopener noreferrer" aria-label={citing.label} title={citing.label}>
          {citing.text}
        </a>
      )}
      {extra.length > 0 && (
        <button type="button" class="btn more" aria-expanded={expanded} aria-label={`${extra.length} more links`} onClick={() => setExpanded(!expanded)}>
          +{extra.length}
        </button>
      )}
      {expanded &&
        extra.map((l) => (
          <a key={l.url} class="btn link" href={l.url} target="_blank" rel="noopener noreferrer" title={l.url}>
            {l.label}
            <span class="sub">{hostOf(l.url)}</span>
          </a>
        ))}
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
