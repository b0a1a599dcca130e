import type { Image } from '../lib/api/schemas';

interface PictureProps {
  image: Image;
  className: string;
  /** The page's largest paint (the article's or the lead story's picture): fetched first, never lazily. */
  priority?: boolean;
  /** No alt text where a headline beside the picture already says what it shows. */
  decorative?: boolean;
}

/**
 * A picture from the API at its own width and height, so its box is laid out before it
 * loads and nothing below it moves; decoded off the main thread, and lazily loaded
 * unless it is the page's largest paint.
 */
export function Picture({ image, className, priority = false, decorative = false }: PictureProps) {
  return (
    <img
      src={image.src}
      alt={decorative ? '' : image.alt}
      width={image.width}
      height={image.height}
      decoding="async"
      {...(priority ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
      className={className}
    />
  );
}
