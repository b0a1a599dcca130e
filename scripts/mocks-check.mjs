#!/usr/bin/env node
// Validates every mock fixture against the zod schemas the app itself uses.
// Fails with the file, the JSON path and the reason. Run: npm run mocks:check
import { readdir, readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const problems = [];
const report = (file, jsonPath, reason) => problems.push(`${file}: ${jsonPath || '(root)'}: ${reason}`);

const load = async (id) => (await runnerImport(path.join(root, id), { configFile: false, logLevel: 'silent' })).module;
const schemas = await load('src/lib/api/schemas.ts');
const { storySchema } = await load('src/features/article/api/story.ts');
const { taxonomySchema } = await load('src/features/site/api/taxonomy.ts');

const jsonPathOf = (segments) =>
  segments.reduce(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );

async function readJson(relative) {
  const text = await readFile(path.join(root, relative), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    report(relative, '', `not valid JSON (${error.message})`);
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

const taxonomyFile = 'mocks/taxonomy.json';
const taxonomy = await readJson(taxonomyFile);
const taxonomyResult = taxonomySchema.safeParse(taxonomy);
if (!taxonomyResult.success) {
  for (const issue of taxonomyResult.error.issues) report(taxonomyFile, jsonPathOf(issue.path), issue.message);
}
const sectorSlugs = new Set((taxonomy?.sectors ?? []).map((term) => term.slug));
const editionSlugs = new Set((taxonomy?.editions ?? []).map((term) => term.slug));

const storyFiles = (await readdir(path.join(root, 'mocks/stories'))).filter((name) => name.endsWith('.json')).sort();
const slugs = new Set();
for (const name of storyFiles) {
  const file = `mocks/stories/${name}`;
  const story = await readJson(file);
  if (story === undefined) continue;
  // Fixtures omit `related` (the mock API computes it); validate the rest strictly.
  const result = storySchema.safeParse({ ...story, related: [] });
  if (!result.success) {
    for (const issue of result.error.issues) report(file, jsonPathOf(issue.path), issue.message);
    continue;
  }
  if ('related' in story) report(file, 'related', 'leave related out: the mock API computes it from the sector');
  if (story.slug !== name.replace(/\.json$/, '')) report(file, 'slug', `must equal the file name (${name})`);
  slugs.add(story.slug);
  if (!editionSlugs.has(story.edition.slug))
    report(file, 'edition.slug', `"${story.edition.slug}" is not in ${taxonomyFile}`);
  if (story.sector && !sectorSlugs.has(story.sector.slug))
    report(file, 'sector.slug', `"${story.sector.slug}" is not in ${taxonomyFile}`);
  if (story.image && !(await publicFileExists(story.image.src)))
    report(file, 'image.src', `${story.image.src} is not a file under public/`);
  // The app skips broken blocks at run time; a fixture must not have any.
  for (const [index, block] of story.body.entries()) {
    if (!schemas.knownBlockTypes.includes(block?.type)) continue;
    const blockResult = schemas.blockSchema.safeParse(block);
    if (!blockResult.success) {
      for (const issue of blockResult.error.issues)
        report(file, jsonPathOf(['body', index, ...issue.path]), issue.message);
    } else if (block.type === 'image' && !(await publicFileExists(block.src))) {
      report(file, `body[${index}].src`, `${block.src} is not a file under public/`);
    }
  }
}

const trendingFile = 'mocks/trending.json';
const trending = await readJson(trendingFile);
if (!Array.isArray(trending?.slugs)) report(trendingFile, 'slugs', 'must be an array of story slugs');
else
  trending.slugs.forEach((slug, index) => {
    if (!slugs.has(slug)) report(trendingFile, `slugs[${index}]`, `no story "${slug}" in mocks/stories`);
  });

const elapsed = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(`mocks:check found ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`mocks:check: ${storyFiles.length} stories, taxonomy and trending match the contract (${elapsed} ms)`);
