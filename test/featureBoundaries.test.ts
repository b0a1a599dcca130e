// @vitest-environment node
/**
 * Features do not reach into each other's insides: src/features/<a>/ imports another
 * feature <b> only through its index.ts or its api/ modules, so a feature can move its
 * files around without breaking its neighbours. The rule is eslint's (eslint.config.js,
 * run by `npm run lint`); this checks that it tells a public import from a reach inside.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('feature boundaries (eslint)', () => {
  it('lets a feature import another through its index.ts and api/, and its own files', async () => {
    const code = [
      "import { StoryList } from '../feeds';",
      "import { feedQuery } from '../feeds/api/feed';",
      "import { x } from '../feeds/index';",
      "import { schema } from '../../lib/api/schemas';",
      "import { Picture } from '../../components/Picture';",
      "import { local } from './searchParams';",
      'export const used = [StoryList, feedQuery, x, schema, Picture, local];',
    ].join('\n');
    expect(await boundaryErrors('src/features/search/SearchPage.tsx', code)).toEqual([]);
  }, 30_000);

  it('refuses a static import from inside another feature', async () => {
    const errors = await boundaryErrors(
      'src/features/search/SearchPage.tsx',
      "import { LoadMore } from '../feeds/LoadMore';\nexport const used = LoadMore;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/through its index\.ts/);
  }, 30_000);
});
