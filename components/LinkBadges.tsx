import { compactCount } from './format';
import { CodeIcon, GlobeIcon } from './icons';

export interface LinkView {
  /** A normalised https repository URL. */
  codeUrl?: string;
  /** "owner/repo". */
  codeName?: string;
  codeStars?: number;
  /** An https project page. */
  projectUrl?: string;
}

/** The "Code …" and "Project page" links. URLs must already be validated https (lib/links). */
export function LinkBadges({ links, showNone }: { links: LinkView; showNone?: boolean }) {
  const { codeUrl, codeName, codeStars, projectUrl } = links;
  const starsText = codeStars !== undefined ? `, ${codeStars} GitHub stars` : '';
  return (
    <>
      {codeUrl ? (
        <a
          class="btn link"
          href={codeUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Code: ${codeName ?? codeUrl}${starsText}`}
          title={codeUrl}
        >
          <CodeIcon />
          Code
          {codeName && <span class="sub">{codeName}</span>}
          {codeStars !== undefined && <span class="sub">★ {compactCount(codeStars)}</span>}
        </a>
      ) : (
        showNone && <span class="none">No code link</span>
      )}
      {projectUrl && (
        <a
          class="btn link"
          href={projectUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Project page: ${safeHost(projectUrl)}`}
          title={projectUrl}
        >
          <GlobeIcon />
          Project page
        </a>
      )}
    </>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
