import { useQueryClient } from '@tanstack/react-query';
import type { FocusEvent, MouseEvent } from 'react';
import { Link, type LinkProps } from 'react-router';
import { storyQuery } from '../article/api/story';
import { storyPath } from './feedUtils';

export interface StoryLinkProps extends Omit<LinkProps, 'to'> {
  slug: string;
}

/**
 * Every link to a story goes through here: on hover or focus it starts loading the
 * story into the query cache, so by the time the reader clicks it is usually there.
 */
export function StoryLink({ slug, onMouseEnter, onFocus, ...rest }: StoryLinkProps) {
  const queryClient = useQueryClient();
  const prefetch = () => {
    void queryClient.prefetchQuery(storyQuery(slug));
  };
  return (
    <Link
      {...rest}
      to={storyPath(slug)}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(event);
        prefetch();
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(event);
        prefetch();
      }}
    />
  );
}
