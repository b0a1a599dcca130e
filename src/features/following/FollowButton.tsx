import { topicKey, type Topic } from './topics';
import { useFollowing } from './useFollowing';

/**
 * A Follow toggle (`aria-pressed`) for a sector, edition or tag. Its name says what it
 * follows ("Follow Technology", "Following Technology"); the state is kept on the device.
 * `chip` shows the topic's name (the article's list of topics), `button` the word Follow
 * beside a heading that already names it.
 */
export function FollowButton({ topic, variant = 'button' }: { topic: Topic; variant?: 'button' | 'chip' }) {
  const { topics, follow, unfollow } = useFollowing();
  const following = topics.some((item) => topicKey(item) === topicKey(topic));
  const verb = following ? 'Following' : 'Follow';
  return (
    <button
      type="button"
      aria-pressed={following}
      aria-label={`${verb} ${topic.name}`}
      onClick={() => void (following ? unfollow(topic) : follow(topic))}
      className={`inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm font-semibold ${
        following
          ? 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800 dark:border-sky-300 dark:bg-sky-300 dark:text-slate-900'
          : 'border-slate-400 text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:text-slate-100 dark:hover:bg-slate-800'
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5">
        {following ? (
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        ) : (
          <path d="M8 3v10M3 8h10" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        )}
      </svg>
      {variant === 'chip' ? topic.name : verb}
    </button>
  );
}
