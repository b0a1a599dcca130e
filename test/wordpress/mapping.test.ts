/**
 * The WordPress source on answers recorded from a real WordPress (Debian's 6.1,
 * seeded by install.php): what the reader gets for each contract endpoint,
 * checked with the app's own schemas and by content.
 */
import { describe, expect, it } from 'vitest';
import { storySchema, type Story } from '../../src/features/article/api/story';
import { feedPageSchema, type FeedPage } from '../../src/features/feeds/api/feed';
import { taxonomySchema } from '../../src/features/site/api/taxonomy';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { readableSlug } from '../../server/content/wordpress/map.ts';
import { loadRecording, replayFetch } from './replay.ts';
import { SITE, TEST_OPTIONS } from './scenarios.ts';

const recording = loadRecording();
const slug = (name: string) => readableSlug(recording.slugs[name] ?? `missing-${name}`);

function source(options: Record<string, unknown> = TEST_OPTIONS, seen: string[] = []) {
  return createWordPressSource({ url: SITE, fetch: replayFetch(recording, seen), ...options });
}

async function get(path: string, from = source()) {
  const response = await from(new Request(`http://reader.test${path}`));
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

async function feed(path: string, from = source()): Promise<FeedPage> {
  const { status, body } = await get(path, from);
  expect(status).toBe(200);
  // Strict: every item must be valid, not merely survive the client's lenient list.
  expect((body as { items: unknown[] }).items.length).toBe(feedPageSchema.parse(body).items.length);
  return feedPageSchema.parse(body);
}

async function story(name: string): Promise<Story> {
  const { status, body } = await get(`/stories/${encodeURIComponent(slug(name))}`);
  expect(status).toBe(200);
  return storySchema.parse(body);
}

describe('WordPress source on recorded answers', () => {
  it('decodes entities and strips tags in headlines and summaries', async () => {
    const page = await feed('/stories?feed=latest&limit=10');
    const card = page.items.find((item) => item.slug === slug('entities'));
    expect(card?.headline).toBe('What’s next for India’s farmers & lenders');
    expect(card?.summary).toBe('Credit co-operatives & banks weigh the monsoon’s toll.');
    for (const item of page.items) {
      expect(`${item.headline} ${item.summary}`).not.toMatch(/&#?\w+;|<\/?[a-z]/);
    }
  });

  it('keeps Hindi and Arabic text intact, and shows a percent-encoded slug as text', async () => {
    const hindi = await story('hindi');
    expect(hindi.headline).toBe('भारत में छतों पर सौर ऊर्जा का तेज़ी से विस्तार');
    expect(hindi.body[0]).toEqual({
      type: 'paragraph',
      text: ['देश के कई शहरों में घरों की छतों पर सौर पैनल लगाने की संख्या पिछले साल दोगुनी हो गई।'],
    });
    const arabic = await story('arabic');
    expect(arabic.headline).toBe('المغرب يوسّع محطات الطاقة الشمسية في الصحراء');
    expect(arabic.slug).toMatch(/^المغرب-/);
    expect(arabic.byline).toBe('Omar Haddad');
  });

  it('maps a Gutenberg post to typed blocks, with image sizes, a quote with its attribution and the embed as a card', async () => {
    const chip = await story('gutenberg');
    expect(chip.body.map((block) => block.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph', // with its link, as rich text
      'image',
      'quote',
      'heading',
      'list',
      'gallery',
      'embed',
      'table',
    ]);
    expect(chip.body[2]).toEqual({
      type: 'paragraph',
      text: [
        'Most of the added capacity is in ',
        { type: 'link', href: 'https://example.org/report', id: null, children: ['three new fabs'] },
        ' that opened this year.',
      ],
    });
    expect(chip.body[3]).toMatchObject({
      type: 'image',
      alt: 'Bar chart of chip output by quarter',
      width: 1024,
      height: 640,
      caption: ['Output by quarter, in millions of wafers.'],
    });
    expect(chip.body[4]).toEqual({
      type: 'quote',
      text: ['We are building as fast as the equipment arrives.'],
      attribution: ['Plant manager, Hsinchu'],
      pull: false,
    });
    expect(chip.body[8]).toEqual({
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      provider: 'YouTube',
      title: null,
      caption: ['The plant’s opening, on video.'],
    });
    expect(JSON.stringify(chip.body)).not.toMatch(/<iframe|<script|wp:|<!--/);
  });

  it('leaves nothing executable from a post with script, onerror, onclick, javascript: and an iframe', async () => {
    const unsafe = await story('unsafe');
    const text = JSON.stringify(unsafe.body);
    expect(text).not.toMatch(/script|onerror|onclick|javascript:|iframe|__pwned|alert/i);
    expect(unsafe.body).toContainEqual({ type: 'paragraph', text: ['Readers can comment until May.'] });
    expect(unsafe.body).toContainEqual({ type: 'paragraph', text: ['A link that runs code'] });
  });

  it('reads classic content: a rendered [caption] becomes a captioned image, unknown shortcodes are removed', async () => {
    const floods = await story('classic');
    expect(floods.body[0]).toMatchObject({
      type: 'image',
      alt: 'A flooded road',
      caption: ['The road to the port on Monday.'],
    });
    expect(floods.body).toContainEqual({ type: 'paragraph', text: ['Crews worked through the night.'] });
    expect(JSON.stringify(floods)).not.toMatch(/\[\/?(vc_|caption|gallery)/);
    expect(floods.summary).not.toContain('[');
  });

  it('fills a story from author, featured media, terms and the same sector', async () => {
    const entities = await story('entities');
    expect(entities).toMatchObject({
      byline: 'Asha Rao',
      kind: 'news',
      sector: { slug: 'economy-business', name: 'Economy & Business' },
      edition: { slug: 'india', name: 'India' },
      tags: expect.arrayContaining(['Markets', 'Climate']),
      syndicated: false,
    });
    expect(entities.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // A card-sized rendition, not the 1600 px upload.
    expect(entities.image).toEqual({
      src: `${SITE}/wp-content/uploads/${entities.image?.src.split('/uploads/')[1]}`,
      alt: 'Traders at a grain market at dawn',
      width: 768,
      height: 432,
    });
    expect(entities.image?.src).toMatch(/-768x432\.png$/);
    const solar = await story('hindi');
    expect(solar.related.length).toBeGreaterThan(0);
    expect(solar.related.every((card) => card.sector?.slug === 'energy-environment')).toBe(true);
    expect(solar.related.map((card) => card.slug)).not.toContain(solar.slug);
  });

  it('gives kinds from the opinion, blog and interview categories and the video format', async () => {
    const opinion = await feed('/stories?feed=opinion');
    expect(opinion.items.map((card) => [card.slug, card.kind])).toEqual([
      [slug('opinion'), 'opinion'],
      [slug('blog'), 'blog'],
      [slug('interview'), 'interview'],
    ]);
    const devshots = await feed('/stories?feed=devshots');
    expect(devshots.items.map((card) => [card.slug, card.kind])).toEqual([[slug('video'), 'devshot']]);
  });

  it('pages latest with cursors over WordPress pages until nextCursor is null', async () => {
    const seen = new Set<string>();
    let path: string | null = '/stories?feed=latest&limit=10';
    let pages = 0;
    let previous = Infinity;
    while (path) {
      const page = await feed(path);
      pages += 1;
      for (const card of page.items) {
        expect(seen.has(card.slug)).toBe(false);
        seen.add(card.slug);
        const time = Date.parse(card.publishedAt);
        expect(time).toBeLessThanOrEqual(previous);
        previous = time;
      }
      path = page.nextCursor ? `/stories?feed=latest&limit=10&cursor=${encodeURIComponent(page.nextCursor)}` : null;
    }
    // 35 readable published posts (the draft never shows), ten a page.
    expect(pages).toBe(4);
    expect(seen.size).toBe(35);
    expect(seen.has('unpublished-draft')).toBe(false);
    // WordPress lists the password-protected post (36 in all); its text is withheld, so it is left out.
    expect(seen.has(slug('protected'))).toBe(false);
  });

  it('ranks sticky posts as trending, newest first', async () => {
    const trending = await feed('/stories?feed=trending&limit=10');
    expect(trending.items.map((card) => card.slug)).toEqual([slug('entities'), slug('gutenberg')]);
    expect(trending.nextCursor).toBeNull();
  });

  it('answers the breaking feed from the breaking category, however far down the latest feed', async () => {
    const breaking = await feed('/stories?feed=breaking');
    expect(breaking.items.map((card) => [card.slug, card.breaking])).toEqual([[slug('breaking'), true]]);
    const latest = await feed('/stories?feed=latest&limit=10');
    expect(latest.items.map((card) => card.slug)).not.toContain(slug('breaking'));
  });

  it('filters by sector (a parent includes its children), edition and search', async () => {
    const technology = await feed('/stories?feed=latest&sector=technology');
    expect(technology.items.map((card) => card.slug)).toContain(slug('gutenberg'));
    expect(
      technology.items.every((card) => ['technology', 'artificial-intelligence'].includes(card.sector?.slug ?? '')),
    ).toBe(true);
    const india = await feed('/stories?feed=latest&edition=india');
    expect(india.items.length).toBeGreaterThan(0);
    expect(india.items.every((card) => card.edition.slug === 'india')).toBe(true);
    const global = await feed('/stories?feed=latest&edition=global');
    expect(global.items.length).toBeGreaterThan(0);
    expect(global.items.every((card) => card.edition.slug === 'global')).toBe(true);
    const hindi = await feed(`/stories?feed=latest&q=${encodeURIComponent('सौर')}`);
    expect(hindi.items.map((card) => card.slug)).toEqual([slug('hindi')]);
    expect((await feed('/stories?feed=latest&sector=no-such-sector')).items).toEqual([]);
  });

  it('lists sectors (categories that are not kinds or editions) and editions (children of the parent)', async () => {
    const { body } = await get('/taxonomy');
    const taxonomy = taxonomySchema.parse(body);
    expect(taxonomy.sectors.map((term) => term.slug)).toEqual([
      'economy-business',
      'energy-environment',
      'health',
      'politics',
      'technology',
      'artificial-intelligence',
    ]);
    expect(taxonomy.sectors).toContainEqual({ slug: 'economy-business', name: 'Economy & Business' });
    expect(taxonomy.editions).toEqual([
      { slug: 'global', name: 'Global' },
      { slug: 'europe', name: 'Europe' },
      { slug: 'india', name: 'India' },
      { slug: 'middle-east-africa', name: 'Middle East & Africa' },
    ]);
  });

  it('without an editions setting has one Global edition and every category but the kinds as a sector', async () => {
    const plain = source({});
    const taxonomy = taxonomySchema.parse((await get('/taxonomy', plain)).body);
    expect(taxonomy.editions).toEqual([{ slug: 'global', name: 'Global' }]);
    expect(taxonomy.sectors.map((term) => term.slug)).toContain('india');
    expect(taxonomy.sectors.map((term) => term.slug)).not.toContain('opinion');
  });

  it('answers 404 not_found for an unknown slug, and 400 for bad parameters', async () => {
    expect(await get('/stories/no-such-story')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get(`/stories/${slug('protected')}`)).toMatchObject({ status: 404 });
    for (const path of [
      '/stories',
      '/stories?feed=popular',
      '/stories?feed=latest&limit=0',
      '/stories?feed=latest&cursor=x!',
    ]) {
      expect(await get(path)).toMatchObject({ status: 400, body: { error: { code: 'bad_parameter' } } });
    }
  });

  it('makes one WordPress request for a page of cards, and reads the categories once for many', async () => {
    const seen: string[] = [];
    const shared = source(TEST_OPTIONS, seen);
    await get('/stories?feed=latest', shared);
    expect(seen.filter((key) => key.startsWith('/wp-json/wp/v2/posts'))).toHaveLength(1);
    await get('/stories?feed=opinion', shared);
    await get('/taxonomy', shared);
    expect(seen.filter((key) => key.startsWith('/wp-json/wp/v2/categories'))).toHaveLength(1);
    expect(seen).toHaveLength(3);
  });
});
