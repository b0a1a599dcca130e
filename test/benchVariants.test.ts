// @vitest-environment node
/**
 * The bench's A/B variants (bench/variants/*.patch, one start-up technique taken out
 * each) still apply to the code: a change to a technique's module must bring its patch
 * along, or the figures beside the technique could no longer be reproduced.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VARIANTS = path.join(ROOT, 'bench', 'variants');
const patches = readdirSync(VARIANTS).filter((name) => name.endsWith('.patch'));

describe('bench variants', () => {
  it('are there to apply', () => {
    expect(patches.length).toBeGreaterThan(0);
  });

  it.each(patches)('%s applies to the working tree', (name) => {
    // `git apply --check` changes nothing; it exits non-zero (and throws here) when a hunk no longer fits.
    expect(() =>
      execFileSync('git', ['apply', '--check', path.join(VARIANTS, name)], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
