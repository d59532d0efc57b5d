// The options page's rule editor: tag, mute and highlight rules. The rules come in as props and
// every change goes out through `onSave` as the whole new list, which the page sends to the
// background (the single writer). A new rule is checked here with the same zod schema the
// background checks again, so a refused rule is never sent, and the message is the schema's.
import { useId, useRef, useState } from 'preact/hooks';
import { describeMatch } from '@/lib/rules/engine';
import { Rule, RuleList, type RuleAction } from '@/lib/rules/schema';

type Match = Rule['match'];
type MatchType = Match['type'];
type Field = 'title' | 'abstract' | 'any';

export interface RulesEditorProps {
  /** The stored rules, all actions in one list; undefined while loading. */
  rules: readonly Rule[] | undefined;
  /** Saves the whole new list; resolves to the background's error, or null once saved. */
  onSave: (rules: Rule[]) => Promise<string | null>;
}

interface SectionSpec {
  action: RuleAction;
  heading: string;
  intro: string;
  /** Match types offered, the first one preselected. */
  types: MatchType[];
  /** A tag rule names the tag it gives. */
  withTag?: boolean;
  /** Default colour, when the rule has one. */
  color?: string;
  colorLabel?: string;
  /** Show what a muted card will say. */
  preview?: boolean;
  verb: string;
  empty: string;
}

const SECTIONS: SectionSpec[] = [
  {
    action: 'tag',
    heading: 'Your tag rules',
    intro: 'Give papers a tag of your own when a keyword or a pattern is in the title or the abstract. It shows as a chip beside the built-in topics, and other rules can match it.',
    types: ['keyword', 'regex'],
    withTag: true,
    color: '#7c3aed',
    colorLabel: 'Chip colour',
    verb: 'your rule',
    empty: 'No tag rules yet.',
  },
  {
    action: 'mute',
    heading: 'Mute rules',
    intro: 'Dim the papers you do not want to read: by keyword or pattern, by tag, or by author. A muted card says which rule muted it.',
    types: ['keyword', 'regex', 'tag', 'author'],
    preview: true,
    verb: 'muted',
    empty: 'No mute rules yet.',
  },
  {
    action: 'highlight',
    heading: 'Highlight rules',
    intro: 'Mark the papers of authors you follow, or on subjects you track, with an accent colour.',
    types: ['author', 'keyword', 'regex', 'tag'],
    color: '#f59e0b',
    colorLabel: 'Accent colour',
    verb: 'highlighted',
    empty: 'No highlight rules yet.',
  },
];

const TYPE_NAMES: Record<MatchType, string> = { keyword: 'Keyword', regex: 'Regular expression', tag: 'Tag', author: 'Author' };
const VALUE_LABELS: Record<MatchType, string> = { keyword: 'Keyword', regex: 'Pattern', tag: 'Tag', author: "Author's name" };
const PLACEHOLDERS: Record<MatchType, string> = { keyword: 'state space', regex: '\\bmamba\\b', tag: 'Diffusion', author: 'Kaiming He' };
const FIELD_NAMES: Record<Field, string> = { any: 'title or abstract', title: 'title', abstract: 'abstract' };
const hasField = (m: Match): m is Extract<Match, { field: Field }> => m.type === 'keyword' || m.type === 'regex';

/** `"survey" in title`, `author Kaiming He`: the match as rules and cards word it. */
function matchText(m: Match): string {
  return describeMatch(m) + (hasField(m) ? ` in ${FIELD_NAMES[m.field ?? 'any']}` : '');
}

/** What a card will say: `muted: "survey" in title`, and for either field the other wording too. */
function reasonPreview(verb: string, m: Match): string {
  const shown = describeMatch(m);
  if (!hasField(m)) return `${verb}: ${shown}`;
  const field = m.field ?? 'any';
  return field === 'any' ? `${verb}: ${shown} in title (or: in abstract)` : `${verb}: ${shown} in ${field}`;
}

export function RulesEditor({ rules, onSave }: RulesEditorProps) {
  return (
    <>
      {SECTIONS.map((spec) => (
        <RuleSection key={spec.action} spec={spec} rules={rules} onSave={onSave} />
      ))}
    </>
  );
}

function RuleSection({ spec, rules, onSave }: { spec: SectionSpec; rules: readonly Rule[] | undefined; onSave: RulesEditorProps['onSave'] }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [listError, setListError] = useState<string | null>(null);
  const mine = (rules ?? []).filter((r) => r.action === spec.action);

  async function change(next: Rule[]) {
    const error = await onSave(next);
    setListError(error && `Not saved: ${error}`);
  }

  return (
    <>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {spec.heading}
      </h2>
      <section class="rules" aria-labelledby={`${id}-h`}>
        <p class="intro">{spec.intro}</p>
        {rules === undefined ? (
          <p class="intro">Loading…</p>
        ) : mine.length === 0 ? (
          <p class="none">{spec.empty}</p>
        ) : (
          <ul class="rule-list">
            {mine.map((r) => {
              const text = matchText(r.match);
              return (
                <li key={r.id} class={r.enabled ? 'rule' : 'rule off'}>
                  <input
                    type="checkbox"
                    checked={r.enabled}
                    aria-label={`Use the rule ${text}`}
                    onChange={(e) => {
                      const enabled = (e.currentTarget as HTMLInputElement).checked;
                      void change(rules!.map((x) => (x.id === r.id ? { ...x, enabled } : x)));
                    }}
                  />
                  <span class="rule-text">
                    <span class="match">{text}</span>
                    {r.action === 'tag' && (
                      <>
                        {' → '}
                        <span class="chip" style={{ borderColor: r.color, color: r.color }}>
                          {r.tag}
                        </span>
                      </>
                    )}
                    {r.action === 'highlight' && r.color && <span class="swatch" style={{ background: r.color }} title={`accent ${r.color}`} />}
                    {r.action === 'mute' && <span class="reads">A card will read “{reasonPreview('muted', r.match)}”</span>}
                  </span>
                  <button
                    type="button"
                    class="delete"
                    aria-label={`Delete the rule ${text}`}
                    onClick={() => {
                      // The row goes: keep the keyboard user in this section.
                      headingRef.current?.focus();
                      void change(rules!.filter((x) => x.id !== r.id));
                    }}
                  >
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {listError && (
          <p class="error" role="alert">
            {listError}
          </p>
        )}
        <AddRule spec={spec} rules={rules} onSave={onSave} />
      </section>
    </>
  );
}

type ErrorAt = 'value' | 'tag' | 'color' | 'form';

function AddRule({ spec, rules, onSave }: { spec: SectionSpec; rules: readonly Rule[] | undefined; onSave: RulesEditorProps['onSave'] }) {
  const id = useId();
  const [type, setType] = useState<MatchType>(spec.types[0]);
  const [value, setValue] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [field, setField] = useState<Field>('any');
  const [tag, setTag] = useState('');
  const [color, setColor] = useState(spec.color ?? '');
  const [error, setError] = useState<{ at: ErrorAt; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const refs = { value: useRef<HTMLInputElement>(null), tag: useRef<HTMLInputElement>(null), color: useRef<HTMLInputElement>(null) };

  const match = (): Match =>
    type === 'keyword'
      ? { type, value, field }
      : type === 'regex'
        ? { type, source: value, flags: caseSensitive ? '' : 'i', field }
        : { type, value };

  const errorId = (at: ErrorAt) => `${id}-${at}-error`;
  const invalid = (at: ErrorAt) =>
    error?.at === at ? { 'aria-invalid': true as const, 'aria-describedby': errorId(at) } : {};
  const message = (at: ErrorAt) =>
    error?.at === at && (
      <span class="field-error" id={errorId(at)}>
        {error.message}
      </span>
    );
  const edited = (at: ErrorAt) => {
    if (error?.at === at) setError(null);
    setStatus('');
  };

  async function add(e: Event) {
    e.preventDefault();
    if (busy || !rules) return;
    const parsed = Rule.safeParse({
      id: crypto.randomUUID(),
      action: spec.action,
      match: match(),
      ...(spec.withTag ? { tag } : {}),
      ...(spec.color ? { color } : {}),
      enabled: true,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at: ErrorAt = issue.path[0] === 'match' ? 'value' : issue.path[0] === 'tag' ? 'tag' : issue.path[0] === 'color' ? 'color' : 'form';
      setError({ at, message: issue.message });
      if (at !== 'form') refs[at].current?.focus();
      return;
    }
    const next = [...rules, parsed.data];
    const whole = RuleList.safeParse(next);
    if (!whole.success) {
      setError({ at: 'form', message: whole.error.issues[0].message });
      return;
    }
    setBusy(true);
    const failed = await onSave(next);
    setBusy(false);
    if (failed) {
      setError({ at: 'form', message: `Not saved: ${failed}` });
      return;
    }
    setError(null);
    setValue('');
    setTag('');
    setStatus(`Added: ${matchText(parsed.data.match)}`);
    refs.value.current?.focus();
  }

  const preview = spec.preview && value.trim() ? reasonPreview(spec.verb, match()) : null;

  return (
    <form class="add-rule" onSubmit={add} aria-label={`Add a rule to ${spec.heading.toLowerCase()}`} noValidate>
      <div class="row">
        {spec.types.length > 1 && (
          <div class="field">
            <label for={`${id}-type`}>Match on</label>
            <select
              id={`${id}-type`}
              value={type}
              onChange={(e) => {
                setType((e.currentTarget as HTMLSelectElement).value as MatchType);
                edited('value');
              }}
            >
              {spec.types.map((t) => (
                <option key={t} value={t}>
                  {TYPE_NAMES[t]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field grow">
          <label for={`${id}-value`}>{VALUE_LABELS[type]}</label>
          <input
            id={`${id}-value`}
            ref={refs.value}
            type="text"
            class={type === 'regex' ? 'mono' : undefined}
            value={value}
            placeholder={PLACEHOLDERS[type]}
            spellcheck={type === 'regex' ? false : undefined}
            autocomplete="off"
            {...invalid('value')}
            onInput={(e) => {
              setValue((e.currentTarget as HTMLInputElement).value);
              edited('value');
            }}
          />
          {message('value')}
        </div>
        {(type === 'keyword' || type === 'regex') && (
          <div class="field">
            <label for={`${id}-field`}>In</label>
            <select id={`${id}-field`} value={field} onChange={(e) => setField((e.currentTarget as HTMLSelectElement).value as Field)}>
              <option value="any">Title or abstract</option>
              <option value="title">Title</option>
              <option value="abstract">Abstract</option>
            </select>
          </div>
        )}
        {type === 'regex' && (
          <label class="check">
            <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive((e.currentTarget as HTMLInputElement).checked)} />
            Case-sensitive
          </label>
        )}
      </div>
      <div class="row">
        {spec.withTag && (
          <div class="field">
            <label for={`${id}-tag`}>Tag to give</label>
            <input
              id={`${id}-tag`}
              ref={refs.tag}
              type="text"
              value={tag}
              placeholder="SSM"
              autocomplete="off"
              {...invalid('tag')}
              onInput={(e) => {
                setTag((e.currentTarget as HTMLInputElement).value);
                edited('tag');
              }}
            />
            {message('tag')}
          </div>
        )}
        {spec.color && (
          <div class="field">
            <label for={`${id}-color`}>{spec.colorLabel}</label>
            <input
              id={`${id}-color`}
              ref={refs.color}
              type="color"
              value={color}
              {...invalid('color')}
              onInput={(e) => {
                setColor((e.currentTarget as HTMLInputElement).value);
                edited('color');
              }}
            />
            {message('color')}
          </div>
        )}
        <button type="submit" class="add" disabled={busy || !rules}>
          Add rule
        </button>
      </div>
      {type === 'keyword' && <p class="hint">Whole words, any case; a space or hyphen matches either, or none; a plural “s” counts.</p>}
      {type === 'regex' && <p class="hint">A JavaScript regular expression. Patterns that could take too long on some text are refused.</p>}
      {type === 'author' && <p class="hint">Any case and accents; the whole name, or whole words of it (“He” finds Qicheng He, not Hector).</p>}
      {preview && <p class="preview">A card will read “{preview}”</p>}
      {error?.at === 'form' && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
