<?php
/*
 * Plugin Name: Newsreader purge on publish
 * Description: Tells the news reader's server (POST /hooks/content-changed, HMAC-signed) which
 *   stories, feeds, sectors and editions changed when a post is published, updated, unpublished,
 *   trashed or deleted, or a category changes; the server purges its caches and every Varnish.
 *
 * Install: copy this file to wp-content/mu-plugins/ and set, in wp-config.php (or the environment):
 *   define('NEWSREADER_HOOK_URL', 'https://reader-origin.example.com/hooks/content-changed');
 *   define('NEWSREADER_HOOK_SECRET', '<the server's PURGE_SECRET>');
 * Several URLs (one per server behind no shared hook address) may be separated by spaces.
 * See docs/deploy.md#purge-on-publish.
 */

if (!defined('ABSPATH')) {
    exit;
}

final class Newsreader_Purge
{
    /** @var array<string, true> keys gathered during this request, sent once at its end */
    private static $keys = [];
    /** @var array<int, array{slug: string, status: string, terms: string[]}> posts as they were before this request changed them */
    private static $before = [];
    /** @var bool the send at the end of the request is scheduled */
    private static $scheduled = false;

    public static function setting(string $name): string
    {
        if (defined($name)) {
            return (string) constant($name);
        }
        $value = getenv($name);
        return $value === false ? '' : $value;
    }

    /** The server's key form: lower case, bytes outside [a-z0-9-_.~] as %xx (WordPress slugs already are). */
    public static function key(string $prefix, string $value): string
    {
        $value = strtolower(rawurldecode($value));
        $out = '';
        foreach (str_split($value) as $char) {
            $out .= preg_match('/[a-z0-9\-_.~]/', $char) ? $char : sprintf('%%%02x', ord($char));
        }
        return $prefix . ':' . $out;
    }

    public static function add(array $keys): void
    {
        foreach ($keys as $key) {
            // A post without a slug yet (a draft) has no page to purge.
            if (substr($key, -1) !== ':') {
                self::$keys[$key] = true;
            }
        }
        if (!self::$scheduled) {
            // Sent once the request is over: a bulk edit of many posts is one call.
            self::$scheduled = true;
            add_action('shutdown', [self::class, 'send']);
        }
    }

    private static function relevant($post): bool
    {
        return $post instanceof WP_Post && $post->post_type === 'post';
    }

    /** Category keys: the category, its parents (their lists include children) as sector and edition. */
    private static function termKeys(array $slugs): array
    {
        $keys = [];
        foreach ($slugs as $slug) {
            $keys[] = self::key('sector', $slug);
            $keys[] = self::key('edition', $slug);
        }
        return $keys;
    }

    private static function categorySlugs(int $postId): array
    {
        $slugs = [];
        foreach (wp_get_post_categories($postId, ['fields' => 'ids']) as $id) {
            foreach (array_merge([$id], get_ancestors($id, 'category')) as $termId) {
                $term = get_term($termId, 'category');
                if ($term && !is_wp_error($term)) {
                    $slugs[] = $term->slug;
                }
            }
        }
        return array_values(array_unique($slugs));
    }

    /** Everything that shows a post: its page, every list it is (or was) in. */
    private static function postKeys(WP_Post $post, bool $lists): array
    {
        $slug = $post->post_name !== '' ? $post->post_name : sanitize_title($post->post_title);
        $keys = [self::key('story', preg_replace('/__trashed(-\d+)?$/', '', $slug))];
        if ($lists) {
            $keys = array_merge(
                $keys,
                ['feed:latest', 'feed:trending', 'feed:opinion', 'feed:devshots', 'feed:breaking'],
                self::termKeys(self::categorySlugs($post->ID))
            );
        }
        return apply_filters('newsreader_purge_keys', $keys, $post);
    }

    /** Before an update: the old slug and categories, which the lists showing it may still carry. */
    public static function remember(int $postId): void
    {
        $post = get_post($postId);
        if (!self::relevant($post) || isset(self::$before[$postId])) {
            return;
        }
        self::$before[$postId] = ['slug' => $post->post_name, 'status' => $post->post_status, 'terms' => self::categorySlugs($postId)];
    }

    public static function transition(string $new, string $old, $post): void
    {
        if (!self::relevant($post) || ($new !== 'publish' && $old !== 'publish')) {
            return;
        }
        // An edit of a live post changes its page and its card, which carry the story key;
        // a publish, unpublish or trash also changes the lists it is (or was) in.
        $keys = self::postKeys($post, $new !== $old);
        $before = self::$before[$post->ID] ?? null;
        if ($before) {
            $slug = preg_replace('/__trashed(-\d+)?$/', '', $before['slug']);
            if ($slug !== '') {
                $keys[] = self::key('story', $slug);
            }
            $now = self::categorySlugs($post->ID);
            if ($new !== $old || $before['terms'] !== $now) {
                $keys = array_merge($keys, self::termKeys($before['terms']), self::termKeys($now));
            }
        }
        self::add(array_values(array_unique($keys)));
    }

    public static function deleted(int $postId): void
    {
        $post = get_post($postId);
        if (self::relevant($post) && $post->post_status === 'publish') {
            self::add(self::postKeys($post, true));
        }
    }

    public static function terms(int $objectId, $terms, array $ttIds, string $taxonomy, bool $append, array $oldTtIds): void
    {
        $post = get_post($objectId);
        if ($taxonomy !== 'category' || !self::relevant($post) || $post->post_status !== 'publish') {
            return;
        }
        // WordPress passes the new ids as strings and the old as numbers: compared as numbers.
        $ttIds = array_map('intval', $ttIds);
        $oldTtIds = array_map('intval', $oldTtIds);
        sort($ttIds);
        sort($oldTtIds);
        if ($ttIds === $oldTtIds) {
            return;
        }
        $keys = [self::key('story', $post->post_name)];
        foreach (array_merge($ttIds, $oldTtIds) as $ttId) {
            $term = get_term_by('term_taxonomy_id', (int) $ttId, 'category');
            if ($term) {
                $keys = array_merge($keys, self::termKeys([$term->slug]));
            }
        }
        self::add($keys);
    }

    public static function category(): void
    {
        // Names and slugs are in every page's menu.
        self::add(['taxonomy']);
    }

    public static function sticky(int $postId): void
    {
        $post = get_post($postId);
        if (self::relevant($post)) {
            self::add([self::key('story', $post->post_name), 'feed:trending']);
        }
    }

    /** Sends the gathered keys, signed, to every NEWSREADER_HOOK_URL. */
    public static function send(): void
    {
        $urls = preg_split('/\s+/', trim(self::setting('NEWSREADER_HOOK_URL')), -1, PREG_SPLIT_NO_EMPTY);
        $secret = self::setting('NEWSREADER_HOOK_SECRET');
        if (!$urls || $secret === '' || !self::$keys) {
            return;
        }
        $body = wp_json_encode(['keys' => array_keys(self::$keys)]);
        self::$keys = [];
        self::$scheduled = false;
        foreach ($urls as $url) {
            $timestamp = (string) time();
            $response = wp_remote_post($url, [
                'timeout' => 5,
                'headers' => [
                    'content-type' => 'application/json',
                    'x-newsreader-timestamp' => $timestamp,
                    'x-newsreader-signature' => 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret),
                ],
                'body' => $body,
            ]);
            $code = is_wp_error($response) ? $response->get_error_message() : wp_remote_retrieve_response_code($response);
            if ($code !== 200) {
                error_log('newsreader purge: ' . $url . ' answered ' . $code);
            }
        }
    }
}

add_action('pre_post_update', [Newsreader_Purge::class, 'remember']);
add_action('wp_trash_post', [Newsreader_Purge::class, 'remember']);
add_action('transition_post_status', [Newsreader_Purge::class, 'transition'], 10, 3);
add_action('before_delete_post', [Newsreader_Purge::class, 'deleted']);
add_action('set_object_terms', [Newsreader_Purge::class, 'terms'], 10, 6);
add_action('created_category', [Newsreader_Purge::class, 'category']);
add_action('edited_category', [Newsreader_Purge::class, 'category']);
add_action('delete_category', [Newsreader_Purge::class, 'category']);
add_action('stick_post', [Newsreader_Purge::class, 'sticky']);
add_action('unstick_post', [Newsreader_Purge::class, 'sticky']);
