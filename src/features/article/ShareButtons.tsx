import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

type Outcome = { kind: 'copied' } | { kind: 'failed'; url: string } | null;

/** How long "Link copied" stays on screen. */
const CONFIRMATION_MS = 4000;

interface Network {
  /** The link's accessible name. */
  label: string;
  href: (url: string, title: string) => string;
  icon: ReactNode;
  /** The e-mail link opens the reader's mail program, not a tab. */
  newTab: boolean;
}

const q = encodeURIComponent;

/** Each network's own share address: plain links, no third-party script on the page. */
export const shareNetworks: Network[] = [
  {
    label: 'Share on X',
    href: (url, title) => `https://twitter.com/intent/tweet?url=${q(url)}&text=${q(title)}`,
    icon: <path d="M3 3h3.5l4 5.4L15 3h2l-5.6 6.6L17.5 17H14l-4.3-5.8L4.8 17h-2l6-7z" />,
    newTab: true,
  },
  {
    label: 'Share on Facebook',
    href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
    icon: (
      <path d="M11 18v-7h2.4l.4-2.8H11V6.5c0-.8.3-1.4 1.4-1.4H14V2.6A19 19 0 0 0 11.9 2.5C9.8 2.5 8.3 3.8 8.3 6.2v2H6V11h2.3v7z" />
    ),
    newTab: true,
  },
  {
    label: 'Share on LinkedIn',
    href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
    icon: (
      <path d="M3 7h3v10H3zM4.5 2.5a1.7 1.7 0 1 1 0 3.4 1.7 1.7 0 0 1 0-3.4M8 7h2.9v1.4c.4-.8 1.4-1.6 3-1.6 3.1 0 3.6 2 3.6 4.6V17h-3v-4.9c0-1.2 0-2.6-1.6-2.6s-1.9 1.2-1.9 2.5v5H8z" />
    ),
    newTab: true,
  },
  {
    label: 'Share on WhatsApp',
    href: (url, title) => `https://wa.me/?text=${q(`${title} ${url}`)}`,
    icon: (
      <path d="M10 2a8 8 0 0 0-6.9 12L2 18l4.1-1.1A8 8 0 1 0 10 2m0 1.6a6.4 6.4 0 1 1-3.3 11.9l-.3-.1-2.1.6.6-2.1-.2-.3A6.4 6.4 0 0 1 10 3.6M7.3 6.3c-.2 0-.5 0-.7.3-.3.3-.9.9-.9 2.1s.9 2.4 1 2.6c.2.2 1.8 2.8 4.4 3.8 2.1.8 2.6.7 3 .6.5 0 1.5-.6 1.7-1.2.2-.6.2-1.1.2-1.2l-.5-.3-1.7-.8c-.3-.1-.4-.1-.6.1l-.8 1c-.1.2-.3.2-.5.1-.3-.1-1.1-.4-2-1.3-.8-.7-1.3-1.5-1.4-1.8-.2-.3 0-.4.1-.5l.4-.5.3-.4v-.5l-.8-1.9c-.2-.5-.4-.4-.6-.4z" />
    ),
    newTab: true,
  },
  {
    label: 'Share by email',
    href: (url, title) => `mailto:?subject=${q(title)}&body=${q(url)}`,
    icon: <path d="M2 4h16v12H2zm2 2v.4l6 4 6-4V6zm12 2.8-6 4-6-4V14h12z" />,
    newTab: false,
  },
];

const subscribeNever = () => () => {};
/** The browser's share sheet exists only in the browser: the server (and hydration) render without it. */
const hasWebShare = () => typeof navigator.share === 'function';

const ROUND_BUTTON =
  'inline-flex h-9 w-9 items-center justify-center rounded-full border border-slate-300 bg-white text-slate-800 hover:border-brand-700 hover:text-brand-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:border-sky-300 dark:hover:text-sky-300';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
      {children}
    </svg>
  );
}

/**
 * The article's share row: a link to each network's share page (new tab), e-mail,
 * Copy link (with a status message, visible and announced; the link to copy by hand if
 * the clipboard refuses) and, where the browser has one, its own share sheet. `url` is
 * the story's canonical address.
 */
export function ShareButtons({ title, url }: { title: string; url: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const webShare = useSyncExternalStore(subscribeNever, hasWebShare, () => false);
  const newTabNoteId = useId();

  const copy = async () => {
    clearTimeout(timer.current);
    setOutcome(null);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied' });
      timer.current = setTimeout(() => setOutcome(null), CONFIRMATION_MS);
    } catch {
      setOutcome({ kind: 'failed', url });
    }
  };

  const share = async () => {
    clearTimeout(timer.current);
    setOutcome(null);
    try {
      await navigator.share({ title, url });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return; // the reader cancelled
      await copy(); // e.g. not allowed here: the link goes to the clipboard instead
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <ul aria-label="Share this story" className="flex flex-wrap items-center gap-2">
        {webShare && (
          <li>
            <button type="button" onClick={() => void share()} className="btn-secondary h-9 gap-2 px-3">
              <Icon>
                <path d="M14 13a3 3 0 0 0-2.2 1l-4.9-2.7a3 3 0 0 0 0-1.6l4.9-2.7A3 3 0 1 0 11 5.5l-4.9 2.7a3 3 0 1 0 0 3.6l4.9 2.7A3 3 0 1 0 14 13z" />
              </Icon>
              Share
            </button>
          </li>
        )}
        {shareNetworks.map((network) => (
          <li key={network.label}>
            <a
              href={network.href(url, title)}
              aria-label={network.label}
              title={network.label}
              className={ROUND_BUTTON}
              {...(network.newTab
                ? { target: '_blank', rel: 'noopener noreferrer', 'aria-describedby': newTabNoteId }
                : {})}
            >
              <Icon>{network.icon}</Icon>
            </a>
          </li>
        ))}
        <li>
          <button
            type="button"
            onClick={() => void copy()}
            className={ROUND_BUTTON}
            aria-label="Copy link"
            title="Copy link"
          >
            <Icon>
              <path d="M7 2h9v11H7zm2 2v7h5V4zM4 6h2v10h7v2H4z" />
            </Icon>
          </button>
        </li>
      </ul>
      <span id={newTabNoteId} hidden>
        Opens in a new tab
      </span>
      <p role="status" className="text-sm font-semibold text-green-800 dark:text-green-300">
        {outcome?.kind === 'copied' && 'Link copied'}
        {outcome?.kind === 'failed' && (
          <span className="font-normal break-all text-slate-800 dark:text-slate-100">
            Could not copy the link. Copy it from here: {outcome.url}
          </span>
        )}
      </p>
    </div>
  );
}
