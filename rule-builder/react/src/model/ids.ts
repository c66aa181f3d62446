// Ids end up in the definition, which is diffed in git and read in run logs, so they are readable
// words (`create_task_2`) rather than random strings.
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MAX_ID_LENGTH = 64;

/** `base` turned into a valid definition id: lower-case words joined by `_`, starting with a letter. */
export function slugId(base: string): string {
  const words = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = /^[a-z]/.test(words) ? words : `n_${words}`;
  return id.slice(0, MAX_ID_LENGTH - 4).replace(/_+$/, '') || 'n';
}

/** The first of `base`, `base_2`, `base_3`… that is not in `taken`. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const root = ID_PATTERN.test(base) && base.length <= MAX_ID_LENGTH - 4 ? base : slugId(base);
  if (!taken.has(root)) return root;
  const stem = root.replace(/_\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A workflow key (kebab-case) from its name, e.g. "Hot leads: call" → `hot-leads-call`. */
export function keyFromName(name: string): string {
  return slugId(name).replace(/_/g, '-');
}
