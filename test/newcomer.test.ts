// @vitest-environment node
/**
 * What keeps the project readable for someone new to it: a README that fits on a screen
 * or two (the details live in docs/), and comments that give their reason rather than
 * point at an issue tracker the reader of the code cannot open.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README_MAX_BYTES = 10 * 1024;
const CODE_FOLDERS = ['src', 'server', 'scripts', 'test', 'mocks', 'bench'];
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs|css|html|patch)$/;
// "issue" or "issues" and a number, with or without "#": a number a reader cannot look up.
const ISSUE_REFERENCE = /\bissues?\s+#?\d/i;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => CODE_FILE.test(name) && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(folder, name));
}

describe('for a newcomer', () => {
  it(`README.md stays under ${README_MAX_BYTES / 1024} KB`, () => {
    expect(statSync(path.join(ROOT, 'README.md')).size).toBeLessThan(README_MAX_BYTES);
  });

  it("README's table of scripts names every script in package.json", () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts,
    );
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // A row's first cell, e.g. `npm run test:e2e`, `npm test`, `npm run lint` / `npm run format`.
    const documented = new Set(
      [...readme.matchAll(/^\|([^|]*)\|/gm)].flatMap((row) =>
        [...row[1]!.matchAll(/`npm (?:run )?([\w:-]+)/g)].map((match) => match[1]!),
      ),
    );
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('the issue-reference check finds what it is meant to', () => {
    // The samples are built at run time so that this file does not itself hold a citation.
    const n = 5;
    expect(ISSUE_REFERENCE.test(`// kept for issue ${n}`)).toBe(true);
    expect(ISSUE_REFERENCE.test(`/* see Issue #${n} */`)).toBe(true);
    expect(ISSUE_REFERENCE.test(`// fixes issues ${n} and ${n + 1}`)).toBe(true);
    expect(ISSUE_REFERENCE.test('// the issues are the timeouts')).toBe(false);
  });

  it('no code or test cites an issue number', () => {
    const files = CODE_FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(100);
    const citing = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          ISSUE_REFERENCE.test(line) ? [`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(citing).toEqual([]);
  });
});
