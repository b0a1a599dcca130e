/**
 * Keyboard shortcuts: what they are and what they do, as plain DOM functions so they work
 * on any page without the pages knowing about them. Story links are found as links to
 * /article/... inside <main>, in document order; "save" is loose-coupled: it fires a
 * cancelable `reader:save-story` event and, unless a listener handles it, clicks the
 * story's own button whose name starts with "Save".
 */

export interface Shortcut {
  keys: string[];
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], description: 'Show the keyboard shortcuts' },
  { keys: ['/'], description: 'Search stories' },
  { keys: ['j'], description: 'Next story in the list' },
  { keys: ['k'], description: 'Previous story in the list' },
  { keys: ['o', 'Enter'], description: 'Open the selected story' },
  { keys: ['s'], description: 'Save the selected story, or the one you are reading' },
  { keys: ['l'], description: 'Listen to the story you are reading, or pause' },
  { keys: ['Esc'], description: 'Close a dialog or the menu' },
];

export const SAVE_EVENT = 'reader:save-story';

export interface SaveStoryDetail {
  /** The story's slug. */
  slug: string;
}

const STORY_LINK = 'a[href^="/article/"]';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** A modal (the help dialog, the menu drawer) is open: page shortcuts are off. */
export function modalIsOpen(): boolean {
  return document.querySelector('dialog[open], [aria-modal="true"]:not([hidden])') !== null;
}

export function storyLinks(root: ParentNode = document): HTMLAnchorElement[] {
  const main = root.querySelector('main');
  if (!main) return [];
  // Without a layout engine (tests in jsdom) nothing has boxes: then only [hidden] counts.
  const hasLayout = main.getClientRects().length > 0;
  return Array.from(main.querySelectorAll<HTMLAnchorElement>(STORY_LINK)).filter(
    (link) => !link.closest('[hidden], [aria-hidden="true"]') && (!hasLayout || link.getClientRects().length > 0),
  );
}

function focusLink(link: HTMLElement) {
  link.focus({ preventScroll: true });
  link.scrollIntoView?.({ block: 'center' });
}

/** j / k: focuses the next (+1) or previous (-1) story link after or before where focus is now. */
export function moveBetweenStories(step: 1 | -1): HTMLAnchorElement | null {
  const links = storyLinks();
  if (links.length === 0) return null;
  const active = document.activeElement;
  let target: HTMLAnchorElement | undefined;
  const at = links.findIndex((link) => link === active);
  if (at !== -1) {
    target = links[Math.min(links.length - 1, Math.max(0, at + step))];
  } else if (active && active !== document.body && document.querySelector('main')?.contains(active)) {
    // Somewhere else in the page (a heading, a card's button): the nearest story that way.
    const following = (link: Element) =>
      (active.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    target = step === 1 ? links.find(following) : links.filter((link) => !following(link)).pop();
    target ??= step === 1 ? links[links.length - 1] : links[0];
  } else {
    target = links[0];
  }
  if (target) focusLink(target);
  return target ?? null;
}

function slugOf(href: string): string | null {
  const match = /^\/article\/([^/?#]+)/.exec(href);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function accessibleName(element: HTMLElement): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

function isSaveButton(button: HTMLElement): boolean {
  const name = accessibleName(button);
  return /^(save|saved|unsave)\b/i.test(name) || (button.hasAttribute('aria-pressed') && /\bsave/i.test(name));
}

/** The story the reader is on: the focused card's, or else the article being read. */
function currentStory(): { container: Element; slug: string | null } | null {
  const active = document.activeElement;
  const card = active instanceof Element && active !== document.body ? active.closest('li, article') : null;
  if (card && card.querySelector(STORY_LINK)) {
    const href = card.querySelector<HTMLAnchorElement>(STORY_LINK)?.getAttribute('href') ?? '';
    return { container: card, slug: slugOf(href) };
  }
  const article = document.querySelector('main article');
  if (article) return { container: article, slug: slugOf(window.location.pathname) };
  return null;
}

/** s: saves the current story. Returns what happened, for the announcement. */
export function saveCurrentStory(): 'handled' | 'clicked' | 'nothing' {
  const story = currentStory();
  if (!story) return 'nothing';
  if (story.slug) {
    const event = new CustomEvent<SaveStoryDetail>(SAVE_EVENT, {
      detail: { slug: story.slug },
      cancelable: true,
      bubbles: true,
    });
    if (!document.dispatchEvent(event)) return 'handled';
  }
  const button = Array.from(story.container.querySelectorAll<HTMLElement>('button')).find(isSaveButton);
  if (!button) return 'nothing';
  button.click();
  return 'clicked';
}

/** o: opens the focused story (or the story of the focused card). */
export function openCurrentStory(): boolean {
  const active = document.activeElement;
  if (!(active instanceof Element)) return false;
  const link = active.matches(STORY_LINK) ? active : active.closest('li')?.querySelector<HTMLAnchorElement>(STORY_LINK);
  if (!(link instanceof HTMLElement)) return false;
  link.click();
  return true;
}

/** /: focuses the page's search field (the search page's own, else the header's). */
export function focusSearch(): boolean {
  const field =
    document.querySelector<HTMLInputElement>('main input[type="search"]') ??
    document.querySelector<HTMLInputElement>('input[type="search"]');
  if (!field) return false;
  // On small screens the header's field is folded away behind its search button.
  const toggle = document.querySelector<HTMLButtonElement>('[data-search-toggle]');
  if (toggle && typeof field.checkVisibility === 'function' && !field.checkVisibility()) {
    toggle.click();
    return true;
  }
  field.focus();
  field.select();
  return true;
}
