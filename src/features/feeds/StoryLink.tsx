import { Link, type LinkProps } from 'react-router';
import { storyPath } from './feedUtils';

export interface StoryLinkProps extends Omit<LinkProps, 'to'> {
  slug: string;
}

/** A link to a story (the app's links prefetch their page on hover or focus: src/app/routes.tsx). */
export function StoryLink({ slug, ...rest }: StoryLinkProps) {
  return <Link {...rest} to={storyPath(slug)} />;
}

/** A story's headline as a link to it. */
export function HeadlineLink({ story, className }: { story: { slug: string; headline: string }; className?: string }) {
  return (
    <StoryLink slug={story.slug} className={className}>
      {story.headline}
    </StoryLink>
  );
}
