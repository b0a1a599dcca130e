/**
 * Share cards: a 1200×630 PNG drawn from a story's headline, sector and the site's name,
 * for networks that show only raster pictures of that size (story pictures may be SVG,
 * small, or absent). satori lays the card out as SVG, resvg rasterizes it. Plain element
 * objects rather than JSX, so scripts/generate-rasters.mjs draws the site's card with it too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING_X = 72;
const PADDING_Y = 64;
const INNER_WIDTH = CARD_WIDTH - 2 * PADDING_X;

const require = createRequire(import.meta.url);
// satori reads TTF, OTF and WOFF, not WOFF2; fontsource ships WOFF beside it. A glyph missing from one
// font is taken from the next: Latin first, then Devanagari and Arabic for the regions the site covers.
const font = (file: string) => readFileSync(require.resolve(file));
type Fonts = Parameters<typeof satori>[1]['fonts'];
let fonts: Fonts | null = null;
function loadFonts(): Fonts {
  fonts ??= [
    { name: 'Serif', data: font('@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff'), weight: 700 },
    { name: 'Serif', data: font('@fontsource/noto-serif/files/noto-serif-latin-ext-700-normal.woff'), weight: 700 },
    { name: 'Sans', data: font('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'), weight: 700 },
    { name: 'Sans', data: font('@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff'), weight: 700 },
    {
      name: 'Devanagari',
      data: font('@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff'),
      weight: 700,
    },
    {
      name: 'Arabic',
      data: font('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff'),
      weight: 700,
    },
  ];
  return fonts;
}

export interface CardText {
  headline: string;
  /** The sector or the edition, above the headline. */
  kicker: string | null;
  siteName: string;
}

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL = /[\u0590-\u07FF\u0860-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

type Node = { type: string; props: { style: Record<string, unknown>; children?: Node[] | string } };
const div = (style: Record<string, unknown>, children: Node[] | string): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

export async function drawCard({ headline, kicker, siteName }: CardText): Promise<Buffer> {
  const title = clip(headline, 150);
  const size = title.length > 110 ? 50 : title.length > 70 ? 60 : 72;
  const top: Node[] = [];
  if (kicker) {
    top.push(
      div(
        { fontSize: 30, color: '#7dd3fc', textTransform: 'uppercase', letterSpacing: 2, marginBottom: 28 },
        clip(kicker, 40),
      ),
    );
  }
  const headlineStyle = { width: INNER_WIDTH, fontFamily: 'Serif', fontSize: size, lineHeight: 1.18 };
  if (RTL.test(title)) {
    // satori lays text out left to right only: words as boxes placed from the right keep Arabic's order.
    const words = title.split(' ').map((word) => div({ marginLeft: Math.round(size * 0.28) }, word));
    top.push(div({ ...headlineStyle, flexDirection: 'row-reverse', flexWrap: 'wrap' }, words));
  } else {
    top.push(div(headlineStyle, title));
  }
  const card = div(
    {
      // satori sizes boxes without their padding (content-box): the padding is added to this.
      width: INNER_WIDTH,
      height: CARD_HEIGHT - 2 * PADDING_Y,
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING_Y}px ${PADDING_X}px`,
      background: '#0b2a4a',
      color: '#ffffff',
      fontFamily: 'Sans',
    },
    [
      div({ flexDirection: 'column', width: INNER_WIDTH }, top),
      div(
        { alignItems: 'center', width: INNER_WIDTH, borderTop: '4px solid #38bdf8', paddingTop: 24, fontSize: 34 },
        siteName,
      ),
    ],
  );
  const svg = await satori(card as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
}
