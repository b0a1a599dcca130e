import type { FeedParams } from './api/feed';
import { FeedBox } from './FeedBox';
import { devShotsBoxFeed, latestBoxFeed, opinionBoxFeed, trendingBoxFeed } from './sidebarFeeds';
import { HeadlineLink } from './StoryLink';
import { kindLabel, RelativeTime, VideoDuration } from './StoryMeta';
import { Picture } from '../../components/Picture';

interface WidgetProps {
  /** Which slice of the feed to show; defaults to the sidebar's (prefetched by the article route). */
  params?: FeedParams;
}

const LINK_CLASS =
  'font-semibold text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-sky-300';

/** Trending stories in rank order, numbered, each with its edition as a region label. */
export function TrendingBox({ params = trendingBoxFeed }: WidgetProps) {
  return (
    <FeedBox
      title="Trending"
      params={params}
      what="trending stories"
      skeletonRows={params.limit ?? 4}
      more={{ to: '/trending', label: 'More trending stories' }}
    >
      {(items) => (
        <ol className="divide-y divide-slate-200 dark:divide-slate-700">
          {items.map((story, index) => (
            <li key={story.slug} className="flex gap-3 py-3 first:pt-0">
              <span className="w-7 shrink-0 text-2xl leading-none font-bold text-brand-700 tabular-nums dark:text-sky-300">
                {index + 1}
              </span>
              <div className="min-w-0 flex-1">
                <HeadlineLink story={story} className={`text-sm leading-snug ${LINK_CLASS}`} />
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{story.edition.name}</p>
              </div>
              {story.image && (
                <Picture
                  image={story.image}
                  decorative
                  className="h-14 w-20 shrink-0 rounded bg-slate-100 object-cover dark:bg-slate-800"
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </FeedBox>
  );
}

/** Opinion, blog and interview pieces, each with its kind. */
export function OpinionList({ params = opinionBoxFeed }: WidgetProps) {
  return (
    <FeedBox
      title="OPINION / BLOG / INTERVIEW"
      params={params}
      what="opinion pieces"
      skeletonRows={params.limit ?? 4}
      more={{ to: '/opinion', label: 'More opinion' }}
    >
      {(items) => (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {items.map((story) => (
            <li key={story.slug} className="py-3 first:pt-0">
              <p className="text-xs font-semibold tracking-wide text-accent-600 uppercase dark:text-red-300">
                {kindLabel(story.kind)}
              </p>
              <HeadlineLink story={story} className={`mt-1 block font-serif leading-snug ${LINK_CLASS}`} />
              {story.byline && <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{story.byline}</p>}
            </li>
          ))}
        </ul>
      )}
    </FeedBox>
  );
}

/** The newest stories, headline and time. */
export function LatestNewsBox({ params = latestBoxFeed }: WidgetProps) {
  return (
    <FeedBox
      title="Latest News"
      params={params}
      what="the latest news"
      skeletonRows={params.limit ?? 5}
      more={{ to: '/latest', label: 'More latest news' }}
      live
    >
      {(items) => (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {items.map((story) => (
            <li key={story.slug} className="py-3 first:pt-0">
              <HeadlineLink story={story} className={`text-sm leading-snug ${LINK_CLASS}`} />
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                {story.edition.name} · <RelativeTime iso={story.publishedAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </FeedBox>
  );
}

/** Short development stories with a picture. */
export function DevShotsBox({ params = devShotsBoxFeed }: WidgetProps) {
  return (
    <FeedBox
      title="DevShots"
      params={params}
      what="DevShots"
      skeletonRows={params.limit ?? 3}
      more={{ to: '/devshots', label: 'More DevShots' }}
    >
      {(items) => (
        <ul className="grid grid-cols-2 gap-4">
          {items.map((story) => (
            <li key={story.slug}>
              {story.image && (
                <Picture
                  image={story.image}
                  decorative
                  className="aspect-video w-full rounded bg-slate-100 object-cover dark:bg-slate-800"
                />
              )}
              <HeadlineLink story={story} className={`mt-2 block text-sm leading-snug ${LINK_CLASS}`} />
              {story.videoDuration !== null && <VideoDuration seconds={story.videoDuration} className="mt-1" />}
            </li>
          ))}
        </ul>
      )}
    </FeedBox>
  );
}
