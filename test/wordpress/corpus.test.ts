/**
 * The shared corpus is found beside the project or where WORDPRESS_CORPUS says; when it is
 * missing the corpus test fails with the place it looked, never skips.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusDir } from './corpus.ts';

const saved = process.env.WORDPRESS_CORPUS;
afterEach(() => {
  if (saved === undefined) delete process.env.WORDPRESS_CORPUS;
  else process.env.WORDPRESS_CORPUS = saved;
});

describe('the shared WordPress corpus', () => {
  it('fails with where it looked and how to point elsewhere when the folder is missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-corpus-'));
    process.env.WORDPRESS_CORPUS = empty;
    expect(() => corpusDir()).toThrow(`The WordPress corpus is missing at ${empty}`);
    expect(() => corpusDir()).toThrow(/set WORDPRESS_CORPUS/);
  });

  it('is looked for in ../shared/wordpress-corpus beside the project by default', () => {
    delete process.env.WORDPRESS_CORPUS;
    const expected = path.resolve(import.meta.dirname, '../../../shared/wordpress-corpus');
    let found: string;
    try {
      found = corpusDir();
    } catch (error) {
      found = String(error);
    }
    expect(found).toContain(expected);
  });
});
