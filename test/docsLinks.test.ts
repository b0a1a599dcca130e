// @vitest-environment node
/**
 * Every relative link in the project's Markdown (README.md, CONTRIBUTING.md, the Markdown under docs/)
 * points at a file that exists, and every `#anchor` into a Markdown file names one of its
 * headings (GitHub's heading ids). Links to other sites are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface MarkdownLink {
  target: string;
  line: number;
}

/** The Markdown outside fenced code blocks and inline code spans, line by line (code blanked out). */
function proseLines(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    if (/^( {4}|\t)/.test(line)) return ''; // indented code block
    return line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
  });
}

/** Inline links and images `[text](target "title")` and reference definitions `[id]: target`. */
function extractLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseLines(markdown).forEach((text, index) => {
    const line = index + 1;
    for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
      links.push({ target: unbracket(match[1]), line });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(text);
    if (definition) links.push({ target: unbracket(definition[1]), line });
  });
  return links;
}

/** `<target>` (allowed around a link's target) without its angle brackets. */
function unbracket(target: string | undefined): string {
  return (target ?? '').replace(/^<|>$/g, '');
}

/** Whether a link leaves the repository (a URL scheme such as https: or mailto:, or //host). */
function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** GitHub's id for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/[`*~]/g, '')
    .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2'); // emphasis underscores (not those inside words)
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown file offers: its ATX headings' ids, repeated ones numbered as GitHub does. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLinesKeepingCode(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const match of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1] ?? '');
  return anchors;
}

/** Lines outside fenced code blocks, inline code kept (headings keep their `code` text). */
function proseLinesKeepingCode(markdown: string): string[] {
  const blanked = proseLines(markdown);
  return markdown.split('\n').map((line, index) => (blanked[index] === '' && line.trim() !== '' ? '' : line));
}

/** What is wrong with one link in `file` (a path relative to `root`), or null if nothing is. */
function checkLink(root: string, file: string, target: string): string | null {
  if (isExternal(target)) return null;
  const [rawPath, anchor] = splitAnchor(target);
  const linkPath = decodeURIComponent(rawPath);
  const resolved =
    linkPath === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), linkPath);
  if (!resolved.startsWith(root)) return `${target}: points outside the repository`;
  if (!existsSync(resolved)) return `${target}: no such file (${path.relative(root, resolved)})`;
  if (anchor === undefined || anchor === '' || !resolved.endsWith('.md') || statSync(resolved).isDirectory())
    return null;
  const anchors = headingAnchors(readFileSync(resolved, 'utf8'));
  if (!anchors.has(decodeURIComponent(anchor).toLowerCase()))
    return `${target}: no heading #${anchor} in ${path.relative(root, resolved)}`;
  return null;
}

function splitAnchor(target: string): [string, string | undefined] {
  const hash = target.indexOf('#');
  return hash === -1 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)];
}

function markdownFiles(): string[] {
  // docs/*.md and the decision records under docs/decisions/.
  const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name.split(path.sep).join('/')}`);
  return ['README.md', 'CONTRIBUTING.md', ...docs].filter((file) => existsSync(path.join(ROOT, file)));
}

describe('the link extractor', () => {
  const sample = [
    '# Sample',
    'See [the API](docs/api.md), [a section](docs/api.md#endpoints) and [nowhere](docs/no-such-file.md).',
    'An image ![logo](public/icons/icon-192.png "the logo") and [a site](https://example.com).',
    '`[not a link](in-code.md)` and [a bad anchor](#no-such-heading), [a good one](#sample).',
    '```md',
    '[also not a link](in-a-fence.md)',
    '```',
    '[ref]: CONTRIBUTING.md',
  ].join('\n');

  it('finds inline links, images and reference definitions, but not code', () => {
    expect(extractLinks(sample).map((link) => link.target)).toEqual([
      'docs/api.md',
      'docs/api.md#endpoints',
      'docs/no-such-file.md',
      'public/icons/icon-192.png',
      'https://example.com',
      '#no-such-heading',
      '#sample',
      'CONTRIBUTING.md',
    ]);
  });

  it('reports the broken ones: a missing file and a missing heading', () => {
    const fromRoot = 'README.md'; // a file at the root, so the sample's paths resolve from there
    const problems = extractLinks(sample)
      .filter((link) => !link.target.startsWith('#'))
      .map((link) => checkLink(ROOT, fromRoot, link.target))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([expect.stringContaining('docs/no-such-file.md: no such file')]);
    expect(headingAnchors(sample).has('no-such-heading')).toBe(false);
    expect(headingAnchors(sample).has('sample')).toBe(true);
    expect(checkLink(ROOT, fromRoot, 'docs/api.md#no-such-heading')).toMatch(/no heading #no-such-heading/);
  });

  it('makes GitHub heading ids', () => {
    expect(githubSlug('How the client treats what it gets')).toBe('how-the-client-treats-what-it-gets');
    expect(githubSlug('`npm run mocks:check`')).toBe('npm-run-mockscheck');
    expect(githubSlug('`GET /stories/{slug}`')).toBe('get-storiesslug');
    expect(githubSlug('Scenarios: every loading, empty, error and malformed state')).toBe(
      'scenarios-every-loading-empty-error-and-malformed-state',
    );
    expect(githubSlug('Offline, PWA and the reading list')).toBe('offline-pwa-and-the-reading-list');
    expect(githubSlug('snake_case and _emphasis_')).toBe('snake_case-and-emphasis');
    expect([...headingAnchors('# A\n## A\n## A')]).toEqual(['a', 'a-1', 'a-2']);
  });
});

describe('links in the docs', () => {
  const files = markdownFiles();

  it('covers README.md, CONTRIBUTING.md and docs/*.md', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('CONTRIBUTING.md');
    expect(files).toContain('docs/api.md');
  });

  it.each(files)('%s: every relative link resolves', (file) => {
    const problems = extractLinks(readFileSync(path.join(ROOT, file), 'utf8'))
      .map((link) => ({ link, problem: checkLink(ROOT, file, link.target) }))
      .filter(({ problem }) => problem !== null)
      .map(({ link, problem }) => `${file}:${link.line}: ${problem}`);
    expect(problems).toEqual([]);
  });
});
