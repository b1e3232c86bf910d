/**
 * Checks that keep the Markdown documents true to the repository: every `npm run` script they name
 * exists, every setting (ALL_CAPS name) appears in the TypeScript sources, and every relative link,
 * anchor and repository path they mention exists. Pure functions over text, so they can be tested.
 */

/** What a document is checked against. */
export interface RepoFacts {
  /** package.json's script names. */
  scripts: ReadonlySet<string>;
  /** The names `npm run bench -- <name>` accepts. */
  benches: ReadonlySet<string>;
  /** Every ALL_CAPS word of the .ts sources (settings are read by name, codes are written by name). */
  sourceWords: ReadonlySet<string>;
  /** Top-level entries of the repository: a code path whose first segment is one of these is repo-relative. */
  topLevel: ReadonlySet<string>;
  /** Whether a repository-relative path exists (a trailing slash asks for a directory). */
  exists(path: string): boolean;
  /** The heading anchors of a repository-relative Markdown file, or undefined if it is not one. */
  anchors(path: string): ReadonlySet<string> | undefined;
}

const FENCE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/** The text without fenced code blocks (links and headings there are not links and headings). */
export function prose(markdown: string): string {
  return markdown.replace(FENCE, '');
}

/** The code in a document: fenced blocks and inline `code` spans. */
export function codeText(markdown: string): string[] {
  const fenced = markdown.match(FENCE) ?? [];
  const inline = [...prose(markdown).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...fenced, ...inline];
}

/** A script run by a document: `family` when it is a pattern such as `npm run start:<name>`. */
export interface NpmRun {
  script: string;
  family?: boolean;
  args: string[];
}

/** `npm run <script> [-- args]`, `npm start` and `npm test`, with the arguments after `--`. */
export function npmRunsIn(markdown: string): NpmRun[] {
  const runs: NpmRun[] = [];
  const re = /\bnpm\s+(?:run(?:-script)?\s+(?:(?:--silent|-s)\s+)?([\w:.-]+)(<[\w-]+>)?|(start|test)\b)([^\n`#|;&)]*)/g;
  for (const m of markdown.matchAll(re)) {
    const dashes = (m[4] ?? '').match(/(?:^|\s)--\s+(.*)$/);
    const args = dashes ? dashes[1].trim().split(/\s+/).filter(Boolean) : [];
    runs.push(m[2] ? { script: m[1], family: true, args } : { script: m[1] ?? m[3], args });
  }
  return runs;
}

/** A setting or code named in a document: an exact name, or a family such as `SUBGRAPH_URL_<NAME>` / `JD_*`. */
export type NamedSetting = { name: string } | { prefix: string };

/**
 * ALL_CAPS names with an underscore (`JD_TIMEOUT_MS`), families (`SUBGRAPH_URL_<NAME>`, `JD_SANDBOX_*`)
 * and single words assigned in a command (`APQ=false`).
 */
export function settingsIn(markdown: string): NamedSetting[] {
  // A name both assigned and expanded (`HASH=$(…)` then `$HASH`) is the example's own shell variable.
  const assigned = new Set([...markdown.matchAll(/(?<![\w-])([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]));
  const shellVariables = new Set([...markdown.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]).filter((name) => assigned.has(name)));
  const found: NamedSetting[] = [];
  for (const m of markdown.matchAll(/(?<![\w-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_)(?:\*|<[A-Za-z_]+>)/g)) found.push({ prefix: m[1] });
  for (const m of markdown.matchAll(/(?<![\w<-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w>-])/g)) found.push({ name: m[1] });
  for (const m of markdown.matchAll(/(?<![\w-])([A-Z][A-Z0-9]+)=/g)) found.push({ name: m[1] });
  return found.filter((s) => !('name' in s && shellVariables.has(s.name)));
}

/** Targets of Markdown links and images outside code, e.g. `docs/operations.md#settings`. */
export function linksIn(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** Repository paths named in code (`jd/client/config.ts`, `bench/results/`); globs and placeholders are skipped. */
export function pathsIn(markdown: string, topLevel: ReadonlySet<string>): string[] {
  const paths: string[] = [];
  for (const code of codeText(markdown)) {
    for (const m of code.matchAll(/(?<![\w./:@-])((?:\.\/)?[\w.-]+\/[\w./-]*)(?![\w./*{<-])/g)) {
      const path = m[1].replace(/^\.\//, '').replace(/\.$/, '');
      if (path.includes('//') || !topLevel.has(path.split('/')[0])) continue;
      paths.push(path);
    }
  }
  return paths;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every heading anchor of a document, with GitHub's -1, -2 suffixes for repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** `a/b/../c.md` → `a/c.md`; undefined when it climbs out of the repository. */
export function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/') + (path.endsWith('/') && out.length > 0 ? '/' : '');
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Every way `markdown` (at repository path `docPath`) disagrees with the repository; empty when it is true. */
export function checkDoc(docPath: string, markdown: string, repo: RepoFacts): string[] {
  const problems: string[] = [];
  const at = (what: string) => `${docPath}: ${what}`;

  for (const { script, family, args } of npmRunsIn(markdown)) {
    if (family) {
      if (![...repo.scripts].some((name) => name.startsWith(script)))
        problems.push(at(`no script in package.json matches \`npm run ${script}<…>\``));
    } else if (!repo.scripts.has(script)) problems.push(at(`\`npm run ${script}\` is not a script in package.json`));
    else if (script === 'bench') {
      for (const arg of args.filter((a) => /^[a-z][\w-]*$/.test(a))) {
        if (!repo.benches.has(arg)) problems.push(at(`\`npm run bench -- ${arg}\`: bench/run.ts has no bench "${arg}"`));
      }
    }
  }

  const seen = new Set<string>();
  for (const setting of settingsIn(markdown)) {
    const key = 'name' in setting ? setting.name : `${setting.prefix}*`;
    if (seen.has(key)) continue;
    seen.add(key);
    const known = 'name' in setting ? repo.sourceWords.has(setting.name) : [...repo.sourceWords].some((w) => w.startsWith(setting.prefix));
    if (!known) problems.push(at(`${'name' in setting ? setting.name : `${setting.prefix}<…>`} does not appear in any .ts source`));
  }

  const docDir = docPath.includes('/') ? docPath.slice(0, docPath.lastIndexOf('/') + 1) : '';
  for (const link of linksIn(markdown)) {
    if (isExternal(link)) continue;
    const [file, anchor] = link.split('#', 2);
    const target = file === '' ? docPath : normalise(docDir + file);
    if (target === undefined || !repo.exists(target)) {
      problems.push(at(`link ${link} points at nothing in the repository`));
      continue;
    }
    if (anchor !== undefined && anchor !== '') {
      const anchors = repo.anchors(target);
      if (anchors && !anchors.has(anchor.toLowerCase())) problems.push(at(`link ${link}: ${target} has no heading #${anchor}`));
    }
  }

  for (const path of new Set(pathsIn(markdown, repo.topLevel))) {
    if (!repo.exists(path)) problems.push(at(`\`${path}\` does not exist`));
  }
  return problems;
}

/** Wording that points at material the repository does not carry (design notes, source documents). */
export const OUTSIDE_REFERENCES: readonly RegExp[] = [
  /seeds\/\d{3}/,
  /\bseeds?[ -]?(?:§|\d{3}\b)/i,
  /\bseed (?:guide|workflow|text)\b/i,
  /shared design/i,
  /\bDESIGN\.md\b/,
  /JD-OPEN-PLATFORM\.md/,
  /\/work\/shared\b/,
];

/** The lines of `text` that point outside the repository, as `path:line: text`. */
export function outsideReferences(path: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (OUTSIDE_REFERENCES.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
}
