/**
 * `npm run mocks:check` (scripts/mocks-check.mjs) run for real, in a child Node process,
 * on a copy of the fixtures with one file broken: exit code 1 and a message naming the
 * file, the JSON path and the reason.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockData } from '../mocks/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(root, 'scripts/mocks-check.mjs');

function runCheck(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      env: { ...process.env, MOCKS_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const STORY = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app.json';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mocks-check-'));
  await cp(path.join(root, 'mocks'), dir, {
    recursive: true,
    filter: (source) => !source.endsWith('.ts'),
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function editStory(change: (story: Record<string, unknown>) => void) {
  const file = path.join(dir, 'stories', STORY);
  const story = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(story);
  await writeFile(file, JSON.stringify(story, null, 2));
}

describe('mocks:check', { timeout: 30_000 }, () => {
  it('passes on the committed fixtures and says how many it checked', async () => {
    const { code, output } = await runCheck([]);
    expect(output).toMatch(/mocks:check: \d+ stories, taxonomy and trending match the contract \(\d+ ms\)/);
    expect(code).toBe(0);
  });

  it('passes on a copy given with --dir that has one more story: adding a story is adding a file', async () => {
    const before = (await runCheck(['--dir', dir])).output;
    const count = Number(/(\d+) stories/.exec(before)?.[1]);
    const story = JSON.parse(await readFile(path.join(dir, 'stories', STORY), 'utf8')) as Record<string, unknown>;
    await writeFile(
      path.join(dir, 'stories', 'a-new-story.json'),
      JSON.stringify({ ...story, slug: 'a-new-story', headline: 'A new story' }),
    );
    const { code, output } = await runCheck(['--dir', dir]);
    expect(output).toContain(`mocks:check: ${count + 1} stories, taxonomy and trending match the contract`);
    expect(code).toBe(0);
  });

  it('fails with the file, the JSON path and the reason when a fixture breaks the contract', async () => {
    await editStory((story) => {
      delete story.headline;
      (story.body as Record<string, unknown>[])[0]!.text = 42;
    });
    const { code, output } = await runCheck(['--dir', dir]);
    expect(code).toBe(1);
    const file = path.join(dir, 'stories', STORY);
    expect(output).toContain(`${file}: headline: required field is missing (expected string)`);
    expect(output).toContain(
      `${file}: body[0].text: expected a string or rich text (a list of inline nodes), received number`,
    );
    // A story that fails the schema is still known, so trending does not cascade into more errors.
    expect(output).not.toContain('trending.json');
    expect(output).not.toContain('[api] dropped');
  });

  it('reads the folder from MOCKS_DIR too, and names a file that is not JSON', async () => {
    await writeFile(path.join(dir, 'stories', 'broken.json'), '{ "slug": ');
    const { code, output } = await runCheck([], { MOCKS_DIR: dir });
    expect(code).toBe(1);
    expect(output).toContain(`${path.join(dir, 'stories', 'broken.json')}: (root): not valid JSON`);
  });
});

describe('the mock API fixtures', () => {
  it('are exactly the files in mocks/stories/, so adding a story needs no other edit', async () => {
    const files = (await readdir(path.join(root, 'mocks/stories'))).filter((name) => name.endsWith('.json'));
    expect(mockData.stories.map((story) => `${story.slug}.json`).sort()).toEqual(files.sort());
  });
});
