/** The feeds feature's public pieces, for other features to use. */
export { StoryCard, type StoryCardProps, type StoryCardVariant } from './StoryCard';
export { StoryCardActions } from './storyCardActions';
export { HeadlineLink, StoryLink } from './StoryLink';
export { storyPath, uniqueStories } from './feedUtils';
export { LoadMore } from './LoadMore';
export { StoryList, StoryListSkeleton, StoryCardSkeleton } from './StoryList';
export { RelativeTime, kindLabel } from './StoryMeta';
export { TrendingBox, OpinionList, LatestNewsBox, DevShotsBox } from './widgets';
