import { useSiteOrigin } from '../../lib/head';
import { storyPath } from '../feeds/feedUtils';
import { TextSizeControl } from '../preferences';
import type { Story } from './api/story';
import { ReadingProgress } from './ReadingProgress';
import { formatReadingTime, readingMinutes } from './readingTime';
import { ShareButton } from './ShareButton';

/** Under the article's meta line: reading time, Share, text size; and the reading progress bar. */
export function ArticleTools({ story }: { story: Story }) {
  const minutes = readingMinutes(story.body);
  const url = new URL(storyPath(story.slug), useSiteOrigin() || 'http://localhost').href;
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-3 border-y border-slate-200 py-3 dark:border-slate-700">
      <p className="text-sm font-semibold text-slate-700 dark:text-slate-300">{formatReadingTime(minutes)}</p>
      <ShareButton title={story.headline} url={url} />
      <TextSizeControl />
      <ReadingProgress />
    </div>
  );
}
