import { useSiteOrigin } from '../../lib/head';
import { storyPath } from '../feeds';
import { TextSizeControl } from '../preferences';
import type { Story } from './api/story';
import { ReadingProgress } from './ReadingProgress';
import { formatReadingTime, readingMinutes } from './readingTime';
import { ShareButtons } from './ShareButtons';

/** Under the article's meta line: reading time, the share row, text size; and the reading progress bar. */
export function ArticleTools({ story }: { story: Story }) {
  const minutes = readingMinutes(story.body);
  // The site's origin comes from the server's SITE_URL (or the request) and the browser's address alike.
  const url = `${useSiteOrigin()}${storyPath(story.slug)}`;
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-3 border-y border-slate-200 py-3 dark:border-slate-700">
      <p className="text-sm font-semibold text-slate-700 dark:text-slate-300">{formatReadingTime(minutes)}</p>
      <ShareButtons title={story.headline} url={url} />
      <TextSizeControl />
      <ReadingProgress />
    </div>
  );
}
