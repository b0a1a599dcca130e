/**
 * docs/api.md, the zod schemas and the fixtures cannot drift: every field in the doc's
 * type tables exists in the schema the app validates with, every schema field is in
 * the doc, and the doc's "| null" and "[]" agree with what the schema accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { storySchema } from '../src/features/article/api/story';
import { feedPageSchema } from '../src/features/feeds/api/feed';
import { taxonomySchema } from '../src/features/site/api/taxonomy';
import { apiRequest } from '../src/lib/api/client';
import { ApiError } from '../src/lib/api/errors';
import { apiErrorSchema, blockSchema, imageSchema, storyCardSchema, termSchema } from '../src/lib/api/schemas';
import { server } from './mswServer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doc = readFileSync(path.join(root, 'docs/api.md'), 'utf8');

interface DocField {
  name: string;
  type: string;
}

/** `### Name` (and `#### sub` → "Name/sub") headings with a table whose first column is `field`. */
function parseTypeTables(markdown: string): Map<string, DocField[]> {
  const tables = new Map<string, DocField[]>();
  let h3 = '';
  let key = '';
  let inTable = false;
  for (const line of markdown.split('\n')) {
    const heading = /^(#{2,4}) (.+)$/.exec(line);
    if (heading) {
      const text = heading[2]!.replace(/`/g, '').trim();
      if (heading[1] === '##') h3 = '';
      if (heading[1] === '###') h3 = text;
      key = heading[1] === '####' ? `${h3}/${text}` : text;
      inTable = false;
      continue;
    }
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    // Cells split on unescaped pipes.
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    if (!inTable) {
      inTable = cells[0] === 'field';
      if (inTable) tables.set(key, []);
      continue;
    }
    if (/^-+$/.test(cells[0] ?? '')) continue;
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!name) throw new Error(`docs/api.md, ${key}: field cell "${cells[0]}" is not a \`name\``);
    tables.get(key)!.push({ name, type: cells[1] ?? '' });
  }
  return tables;
}

type AnyObject = z.ZodMiniObject;

/** The schema of a field, following dotted paths into nested objects. */
function fieldSchema(schema: AnyObject, dotted: string): z.ZodMiniType | undefined {
  let current: z.ZodMiniType | undefined = schema;
  for (const part of dotted.split('.')) {
    if (!(current instanceof z.ZodMiniObject)) return undefined;
    current = (current as AnyObject).shape[part] as z.ZodMiniType | undefined;
  }
  return current;
}

/**
 * Every field path of an object schema. Nested objects whose fields the doc lists
 * inline (`error.code`) are walked too; named types (`edition`: Term) have their own table.
 */
function schemaFields(schema: AnyObject, documented: Set<string>, prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([name, field]) => {
    const dotted = `${prefix}${name}`;
    const inline = [...documented].some((doc) => doc.startsWith(`${dotted}.`));
    return field instanceof z.ZodMiniObject && inline
      ? [dotted, ...schemaFields(field as AnyObject, documented, `${dotted}.`)]
      : [dotted];
  });
}

const tables = parseTypeTables(doc);

function docFields(key: string): DocField[] {
  const fields = tables.get(key);
  if (!fields) throw new Error(`docs/api.md has no "${key}" table (with a first column named "field")`);
  return fields;
}

const blockSchemas = new Map(
  blockSchema._zod.def.options.map((option) => [option.shape.type._zod.def.values[0], option as AnyObject]),
);

/** Each documented type and the schema the app validates it with. */
const cases: [string, AnyObject, DocField[]][] = [
  ['Term', termSchema, docFields('Term')],
  ['Image', imageSchema, docFields('Image')],
  ['StoryCard', storyCardSchema, docFields('StoryCard')],
  // "A StoryCard plus:" the Story table lists only what it adds.
  ['Story', storySchema, [...docFields('StoryCard'), ...docFields('Story')]],
  ['FeedPage', feedPageSchema, docFields('FeedPage')],
  ['Taxonomy', taxonomySchema, docFields('Taxonomy')],
  ...[...blockSchemas].map(([type, schema]): [string, AnyObject, DocField[]] => [
    `Block/${type}`,
    schema,
    docFields(`Block/${type}`),
  ]),
  // The optional `error.fields` extension is read by the client; checked on its own below.
  ['Error', apiErrorSchema, docFields('Error').filter((field) => field.name !== 'error.fields')],
];

describe('docs/api.md and the schemas', () => {
  it('finds the type tables', () => {
    expect([...tables.keys()]).toEqual(
      expect.arrayContaining(['Term', 'Image', 'StoryCard', 'Story', 'FeedPage', 'Taxonomy', 'Error']),
    );
    expect(docFields('StoryCard').map((field) => field.name)).toContain('headline');
  });

  it('documents every block type the schema knows, and no other', () => {
    const documented = [...tables.keys()].filter((key) => key.startsWith('Block/')).map((key) => key.slice(6));
    expect(documented.sort()).toEqual([...blockSchemas.keys()].sort());
  });

  describe.each(cases)('%s', (_name, schema, fields) => {
    it('has every documented field in its schema', () => {
      const missing = fields.filter((field) => fieldSchema(schema, field.name) === undefined).map((f) => f.name);
      expect(missing, 'documented in docs/api.md but not in the schema').toEqual([]);
    });

    it('documents every field of its schema', () => {
      const documented = new Set(fields.map((field) => field.name));
      const undocumented = schemaFields(schema, documented).filter((name) => !documented.has(name));
      expect(undocumented, 'in the schema but not in docs/api.md').toEqual([]);
    });

    it('agrees on which fields may be null and which are lists', () => {
      for (const field of fields) {
        const fieldType = fieldSchema(schema, field.name);
        if (!fieldType) continue;
        const documentedNullable = /\|\s*null\b/.test(field.type);
        expect(fieldType.safeParse(null).success, `${field.name}: doc says "${field.type}"`).toBe(documentedNullable);
        // A list anywhere in the type: `Block[]`, or rich text's `string | Rich text[] | null`.
        const documentedList = /\[\](?:\s*\|\s*null)?$/.test(field.type.trim());
        expect(fieldType.safeParse([]).success, `${field.name}: doc says "${field.type}"`).toBe(documentedList);
      }
    });
  });

  it('documents the block type literal of each block', () => {
    for (const [type] of blockSchemas) {
      const typeRow = docFields(`Block/${type}`).find((field) => field.name === 'type');
      expect(typeRow?.type).toBe(`\`"${type}"\``);
    }
  });

  it('has the client read the documented error.fields extension', async () => {
    expect(docFields('Error').map((field) => field.name)).toContain('error.fields');
    server.use(
      http.post('*/newsletter', () =>
        HttpResponse.json(
          { error: { code: 'invalid_email', message: 'No', fields: { email: 'Enter an email address' } } },
          { status: 422 },
        ),
      ),
    );
    const error = await apiRequest('/newsletter', z.unknown(), { method: 'POST', body: { email: 'x' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'email', message: 'Enter an email address' }]);
  });
});
