#!/usr/bin/env node
// Validates every mock fixture against the zod schemas the app itself uses.
// Fails with the file, the JSON path and the reason. Run: npm run mocks:check
//   --dir <path> (or MOCKS_DIR=<path>): check another fixtures folder laid out like mocks/
//   (stories/*.json, taxonomy.json, trending.json), e.g. a copy with one file broken.
import { readdir, readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { z } from 'zod/mini';

// The schemas use zod/mini, which has no messages of its own; the reasons below are its English ones.
// (Zod keeps its config on globalThis, so this reaches the copy the schemas load too.)
z.config(z.locales.en());

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function mocksDirFromArgs(argv) {
  const index = argv.indexOf('--dir');
  if (index !== -1) {
    const value = argv[index + 1];
    if (!value || value.startsWith('--')) {
      console.error('mocks:check: --dir needs a path, e.g. --dir mocks');
      process.exit(2);
    }
    return value;
  }
  const inline = argv.find((arg) => arg.startsWith('--dir='));
  return inline ? inline.slice('--dir='.length) : process.env.MOCKS_DIR || 'mocks';
}
const mocksDir = path.resolve(mocksDirFromArgs(process.argv.slice(2)));
/** How a file is named in messages: relative to the project when inside it. */
const display = (absolute) => {
  const relative = path.relative(root, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
};
const fixture = (name) => path.join(mocksDir, name);
const started = performance.now();
const problems = [];
const report = (file, jsonPath, reason) => problems.push(`${file}: ${jsonPath || '(root)'}: ${reason}`);

// The app reports blocks it drops with console.warn; here every problem is reported below instead.
const warn = console.warn;
console.warn = (...args) => {
  if (!String(args[0]).startsWith('[api] dropped')) warn(...args);
};

const load = async (id) => (await runnerImport(path.join(root, id), { configFile: false, logLevel: 'silent' })).module;
const schemas = await load('src/lib/api/schemas.ts');
const { storySchema } = await load('src/features/article/api/story.ts');
const { taxonomySchema } = await load('src/features/site/api/taxonomy.ts');

/** Zod's message, said plainly for a missing field. */
const reasonOf = (issue) =>
  issue.message.replace(
    /^Invalid input: expected (.+), received undefined$/,
    'required field is missing (expected $1)',
  );

const jsonPathOf = (segments) =>
  segments.reduce(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );

async function readJson(file) {
  let text;
  try {
    text = await readFile(fixture(file), 'utf8');
  } catch (error) {
    report(display(fixture(file)), '', `cannot be read (${error.code ?? error.message})`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    report(display(fixture(file)), '', `not valid JSON (${error.message})`);
    return undefined;
  }
}

async function publicFileExists(src) {
  if (/^(https?:)?\/\//.test(src)) return false; // fixtures must not point off-site
  try {
    await access(path.join(root, 'public', src));
    return true;
  } catch {
    return false;
  }
}

const taxonomyFile = display(fixture('taxonomy.json'));
const taxonomy = await readJson('taxonomy.json');
const taxonomyResult = taxonomySchema.safeParse(taxonomy);
if (!taxonomyResult.success) {
  for (const issue of taxonomyResult.error.issues) report(taxonomyFile, jsonPathOf(issue.path), reasonOf(issue));
}
const sectorSlugs = new Set((taxonomy?.sectors ?? []).map((term) => term.slug));
const editionSlugs = new Set((taxonomy?.editions ?? []).map((term) => term.slug));

let storyFiles = [];
try {
  storyFiles = (await readdir(fixture('stories'))).filter((name) => name.endsWith('.json')).sort();
} catch (error) {
  report(display(fixture('stories')), '', `cannot be read (${error.code ?? error.message})`);
}
const storiesLabel = display(fixture('stories'));
const slugs = new Set();
for (const name of storyFiles) {
  const file = display(fixture(`stories/${name}`));
  const story = await readJson(`stories/${name}`);
  if (story === undefined) continue;
  if (typeof story?.slug === 'string') slugs.add(story.slug);
  // Fixtures omit `related` (the mock API computes it); validate the rest strictly.
  const result = storySchema.safeParse({ ...story, related: [] });
  if (!result.success) {
    for (const issue of result.error.issues) report(file, jsonPathOf(issue.path), reasonOf(issue));
  }
  // The app skips broken blocks at run time; a fixture must not have any. (Unknown block
  // types are allowed by the contract and skipped by the app, so they are not reported.)
  const body = Array.isArray(story?.body) ? story.body : [];
  for (const [index, block] of body.entries()) {
    if (!schemas.knownBlockTypes.includes(block?.type)) continue;
    const blockResult = schemas.blockSchema.safeParse(block);
    if (!blockResult.success) {
      for (const issue of blockResult.error.issues)
        report(file, jsonPathOf(['body', index, ...issue.path]), reasonOf(issue));
    } else if (block.type === 'image' && !(await publicFileExists(block.src))) {
      report(file, `body[${index}].src`, `${block.src} is not a file under public/`);
    }
  }
  // An earlier state (for the mock clock) is validated as the whole story it makes.
  if (story?.earlier !== undefined) {
    const earlier = storySchema.safeParse({ ...story, ...story.earlier, related: [] });
    if (!earlier.success) {
      for (const issue of earlier.error.issues) report(file, `earlier.${jsonPathOf(issue.path)}`, reasonOf(issue));
    }
  }
  if (!result.success) continue;
  if ('related' in story) report(file, 'related', 'leave related out: the mock API computes it from the sector');
  if (story.slug !== name.replace(/\.json$/, '')) report(file, 'slug', `must equal the file name (${name})`);
  if (!editionSlugs.has(story.edition.slug))
    report(file, 'edition.slug', `"${story.edition.slug}" is not in ${taxonomyFile}`);
  if (story.sector && !sectorSlugs.has(story.sector.slug))
    report(file, 'sector.slug', `"${story.sector.slug}" is not in ${taxonomyFile}`);
  if (story.image && !(await publicFileExists(story.image.src)))
    report(file, 'image.src', `${story.image.src} is not a file under public/`);
}

const trendingFile = display(fixture('trending.json'));
const trending = await readJson('trending.json');
if (!Array.isArray(trending?.slugs)) report(trendingFile, 'slugs', 'must be an array of story slugs');
else
  trending.slugs.forEach((slug, index) => {
    if (!slugs.has(slug)) report(trendingFile, `slugs[${index}]`, `no story "${slug}" in ${storiesLabel}`);
  });

const elapsed = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(`mocks:check found ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`mocks:check: ${storyFiles.length} stories, taxonomy and trending match the contract (${elapsed} ms)`);
