import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { ShareButtons } from '../src/features/article/ShareButtons';
import { formatReadingTime, readingMinutes } from '../src/features/article/readingTime';

const URL = 'https://news.example/article/some-story';

function setNavigator(values: { share?: unknown; clipboard?: unknown }) {
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
  }
}

afterEach(() => {
  setNavigator({ share: undefined, clipboard: undefined });
});

const TITLE = 'A story & more';

describe('share row', () => {
  it('links to each network with the canonical URL and headline, in a new tab, no script', () => {
    setNavigator({ share: undefined });
    render(<ShareButtons title={TITLE} url={URL} />);
    const list = screen.getByRole('list', { name: 'Share this story' });
    const href = (name: string) => within(list).getByRole('link', { name }).getAttribute('href');
    expect(href('Share on X')).toBe(
      `https://twitter.com/intent/tweet?url=${encodeURIComponent(URL)}&text=${encodeURIComponent(TITLE)}`,
    );
    expect(href('Share on Facebook')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(URL)}`);
    expect(href('Share on LinkedIn')).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(URL)}`,
    );
    expect(href('Share on WhatsApp')).toBe(`https://wa.me/?text=${encodeURIComponent(`${TITLE} ${URL}`)}`);
    expect(href('Share by email')).toBe(`mailto:?subject=${encodeURIComponent(TITLE)}&body=${encodeURIComponent(URL)}`);
    for (const name of ['Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on WhatsApp']) {
      const link = within(list).getByRole('link', { name });
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAccessibleDescription('Opens in a new tab');
    }
    expect(within(list).getByRole('link', { name: 'Share by email' })).not.toHaveAttribute('target');
    expect(document.querySelector('script')).toBeNull();
  });

  it('offers the share sheet only where the browser has one', () => {
    setNavigator({ share: undefined });
    const { unmount } = render(<ShareButtons title="A story" url={URL} />);
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
    unmount();
    setNavigator({ share: vi.fn() });
    render(<ShareButtons title="A story" url={URL} />);
    expect(screen.getByRole('button', { name: 'Share' })).toBeInTheDocument();
  });

  it('renders no share sheet button on the server, so hydration matches', () => {
    setNavigator({ share: vi.fn() });
    const html = renderToString(<ShareButtons title="A story" url={URL} />);
    expect(html).toContain('Share on WhatsApp');
    expect(html).not.toContain('>Share<');
  });

  it('uses the Web Share API from the Share button', async () => {
    const user = userEvent.setup();
    const share = vi.fn().mockResolvedValue(undefined);
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({ share, clipboard: { writeText } });
    render(<ShareButtons title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(share).toHaveBeenCalledWith({ title: 'A story', url: URL });
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('does nothing more when the reader cancels the share sheet', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({
      share: vi.fn().mockRejectedValue(new DOMException('cancelled', 'AbortError')),
      clipboard: { writeText },
    });
    render(<ShareButtons title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('Copy link copies the link and says "Link copied" in a status message', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({ share: undefined, clipboard: { writeText } });
    render(<ShareButtons title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(URL);
    expect(await screen.findByRole('status')).toHaveTextContent('Link copied');
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    setNavigator({ share: undefined, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    render(<ShareButtons title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Could not copy the link. Copy it from here: ${URL}`);
  });
});

describe('reading time', () => {
  it('counts the words of every block at 230 a minute, at least one minute', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(readingMinutes([])).toBe(1);
    expect(
      readingMinutes([
        { type: 'paragraph', text: [words(500)] },
        { type: 'heading', text: [{ type: 'em', children: [words(10)] }], level: 2 },
        { type: 'quote', text: [words(100)], attribution: ['Someone'], pull: false },
        { type: 'html', html: `<p>${words(309)}</p><ul><li>one</li></ul>` },
      ]),
    ).toBe(4);
    expect(formatReadingTime(4)).toBe('4 min read');
  });
});
