// @vitest-environment node
/**
 * Features do not reach into each other's insides: code in src/features/<a>/ imports
 * another feature <b> only through what <b> offers, its index.ts (components, hooks)
 * or its api/ modules (a resource's schema, fetch and queryOptions). So a feature can
 * move its files around without breaking its neighbours.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FEATURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/features');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(folder, name));
}

/** Every relative module specifier in `code` (static imports, re-exports and `import()`). */
function relativeImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'(\.[^']*)'/gm)].map((match) => match[1] ?? '');
}

/** Why importing `specifier` from `file` crosses into another feature's insides, or null if it does not. */
function boundaryProblem(file: string, specifier: string): string | null {
  const from = path.relative(FEATURES, file).split(path.sep)[0];
  const target = path.relative(FEATURES, path.resolve(path.dirname(file), specifier));
  if (target.startsWith('..')) return null; // outside src/features: src/lib, src/components
  const [feature, ...rest] = target.split(path.sep);
  if (feature === from) return null;
  if (rest.length === 0 || (rest.length === 1 && rest[0] === 'index') || rest[0] === 'api') return null;
  return `${path.relative(FEATURES, file)} imports ${specifier}: use ../${feature} (its index.ts) or ../${feature}/api/`;
}

describe('feature boundaries', () => {
  it('tells a public import from a reach inside', () => {
    const file = path.join(FEATURES, 'search/SearchPage.tsx');
    expect(boundaryProblem(file, '../feeds')).toBeNull();
    expect(boundaryProblem(file, '../feeds/api/feed')).toBeNull();
    expect(boundaryProblem(file, '../../lib/api/schemas')).toBeNull();
    expect(boundaryProblem(file, './searchParams')).toBeNull();
    expect(boundaryProblem(file, '../feeds/LoadMore')).toMatch(/use \.\.\/feeds/);
    expect(relativeImports("import { a } from '../feeds/x';\nconst m = import('./y');\nimport './z.css';")).toEqual([
      '../feeds/x',
      './y',
      './z.css',
    ]);
  });

  it("no feature imports another one's internal modules", () => {
    const files = sourceFiles(FEATURES);
    expect(files.length).toBeGreaterThan(30);
    const problems = files.flatMap((file) =>
      relativeImports(readFileSync(file, 'utf8'))
        .map((specifier) => boundaryProblem(file, specifier))
        .filter((problem) => problem !== null),
    );
    expect(problems).toEqual([]);
  });
});
