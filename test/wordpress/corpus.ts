/**
 * Real WordPress content nobody on this project wrote (the Theme Unit Test export and
 * Gutenberg's block fixtures), read from the shared corpus folder next to the project at
 * test time, never copied into it. Debian's PHP has no XML extension, so the export is
 * parsed here (jsdom's XML parser) into JSON that install.php imports with
 * wp_insert_post(). Every picture, sound and video address becomes a placeholder file
 * served by the test WordPress: there is no internet here, and the CSP would block
 * other origins anyway.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `WORDPRESS_CORPUS`, else `../shared/wordpress-corpus` beside the project. */
export function corpusDir(): string {
  const dir = process.env.WORDPRESS_CORPUS || path.resolve(ROOT, '../shared/wordpress-corpus');
  if (!existsSync(path.join(dir, 'themeunittestdata.wordpress.xml')) || !existsSync(path.join(dir, 'gutenberg'))) {
    throw new Error(
      `The WordPress corpus is missing at ${dir} (themeunittestdata.wordpress.xml and gutenberg/). ` +
        'Put the shared corpus there or set WORDPRESS_CORPUS to its folder.',
    );
  }
  return dir;
}

export interface CorpusItem {
  id: number;
  type: 'post' | 'page' | 'attachment';
  title: string;
  name: string;
  content: string;
  excerpt: string;
  dateGmt: string;
  status: string;
  parent: number;
  password: string;
  sticky: boolean;
  author: string;
  categories: string[];
  tags: string[];
  format: string | null;
  attachmentFile: string | null;
  meta: Record<string, string>;
}

export interface Corpus {
  authors: { login: string; name: string }[];
  categories: { slug: string; name: string; parent: string }[];
  tags: { slug: string; name: string }[];
  items: CorpusItem[];
  /** Files under wp-content/uploads/corpus/ to make: name → width and height (pictures) or null. */
  placeholders: Record<string, { width: number; height: number } | null>;
}

const MEDIA_URL =
  /https?:\/\/[^\s"'<>()[\]]+?\.(jpe?g|png|gif|webp|mp3|mp4|m4a|mov|ogg|ogv|webm|wav|vtt|pdf)(?:\?[^\s"'<>[\]]*)?(?=["'\s<>()[\]]|$)/gi;

/** Rewrites every media address to a placeholder on the test site, noting the files to make. */
function localMedia(site: string, placeholders: Corpus['placeholders']) {
  return (text: string) =>
    text.replace(MEDIA_URL, (url: string, extension: string) => {
      const parsed = new URL(url.replace(/&amp;/g, '&'));
      const name = `${parsed.hostname}${parsed.pathname}`.replace(/[^a-zA-Z0-9.-]+/g, '-');
      const size = /-(\d{2,4})x(\d{2,4})\.[a-z0-9]+$/i.exec(parsed.pathname);
      const picture = /^(jpe?g|png|gif|webp)$/i.test(extension);
      placeholders[name] = picture
        ? { width: size ? Number(size[1]) : 800, height: size ? Number(size[2]) : 600 }
        : null;
      return `${site}/wp-content/uploads/corpus/${name}`;
    });
}

export function readCorpus(site: string): Corpus {
  const dir = corpusDir();
  const placeholders: Corpus['placeholders'] = {};
  const local = localMedia(site, placeholders);
  const xml = readFileSync(path.join(dir, 'themeunittestdata.wordpress.xml'), 'utf8');
  const document = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  const text = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
  const channel = document.getElementsByTagName('channel')[0]!;
  const children = (name: string) => Array.from(channel.children).filter((child) => child.tagName === name);

  const authors = children('wp:author').map((author) => ({
    login: text(author, 'wp:author_login'),
    name: text(author, 'wp:author_display_name'),
  }));
  const categories = children('wp:category').map((category) => ({
    slug: text(category, 'wp:category_nicename'),
    name: text(category, 'wp:cat_name'),
    parent: text(category, 'wp:category_parent'),
  }));
  const tags = children('wp:tag').map((tag) => ({ slug: text(tag, 'wp:tag_slug'), name: text(tag, 'wp:tag_name') }));
  const items: CorpusItem[] = children('item').map((item) => {
    const terms = (domain: string) =>
      Array.from(item.getElementsByTagName('category'))
        .filter((term) => term.getAttribute('domain') === domain)
        .map((term) => term.getAttribute('nicename') ?? '');
    const meta: Record<string, string> = {};
    for (const entry of Array.from(item.getElementsByTagName('wp:postmeta'))) {
      meta[text(entry, 'wp:meta_key')] = local(entry.getElementsByTagName('wp:meta_value')[0]?.textContent ?? '');
    }
    const type = text(item, 'wp:post_type');
    const attachment = text(item, 'wp:attachment_url');
    return {
      id: Number(text(item, 'wp:post_id')),
      type: type === 'attachment' || type === 'page' ? type : 'post',
      title: item.getElementsByTagName('title')[0]?.textContent ?? '',
      name: text(item, 'wp:post_name'),
      content: local(item.getElementsByTagName('content:encoded')[0]?.textContent ?? ''),
      excerpt: item.getElementsByTagName('excerpt:encoded')[0]?.textContent ?? '',
      dateGmt: text(item, 'wp:post_date_gmt'),
      status: text(item, 'wp:status'),
      parent: Number(text(item, 'wp:post_parent') || 0),
      password: text(item, 'wp:post_password'),
      sticky: text(item, 'wp:is_sticky') === '1',
      author: text(item, 'dc:creator'),
      categories: terms('category'),
      tags: terms('post_tag'),
      format: terms('post_format')[0]?.replace(/^post-format-/, '') ?? null,
      attachmentFile: attachment ? local(attachment).replace(/^.*\/wp-content\/uploads\//, '') : null,
      meta,
    };
  });

  // Each Gutenberg fixture is one post, newest last, a minute apart.
  const fixtures = readdirSync(path.join(dir, 'gutenberg'))
    .filter((name) => name.endsWith('.html'))
    .sort();
  fixtures.forEach((name, index) => {
    const minute = String(index).padStart(2, '0');
    items.push({
      id: 0,
      type: 'post',
      title: `Block: ${name}`,
      name: '',
      content: local(readFileSync(path.join(dir, 'gutenberg', name), 'utf8').replace(/http:\/\/localhost:8888/g, site)),
      excerpt: '',
      dateGmt: `2024-06-01 12:${minute}:00`,
      status: 'publish',
      parent: 0,
      password: '',
      sticky: false,
      author: authors[0]?.login ?? '',
      categories: [],
      tags: [],
      format: null,
      attachmentFile: null,
      meta: {},
    });
  });
  return { authors, categories, tags, items, placeholders };
}
