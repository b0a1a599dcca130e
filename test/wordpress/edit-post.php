<?php
/*
 * Changes one post through WordPress's own functions, so every hook fires (the purge
 * mu-plugin's too), as an editor's click in wp-admin would; for the freshness bench.
 * Prints {"id", "slug", "at"}: `at` is the time just before the change, in seconds.
 *
 *   php edit-post.php create "<title>"     a published post in Technology
 *   php edit-post.php title <id> "<title>" a new headline
 *   php edit-post.php category <id> <slug> moved to another category
 *   php edit-post.php trash <id>           to the trash
 */
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWSREADER_WP_CONFIG');
$_SERVER['HTTP_HOST'] = parse_url(getenv('NEWSREADER_WP_URL'), PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
wp_set_current_user(1);

$action = $argv[1] ?? '';
$at = microtime(true);
if ($action === 'create') {
    $id = wp_insert_post([
        'post_title' => $argv[2],
        'post_status' => 'publish',
        'post_content' => '<p>A story the freshness bench edits and then trashes.</p>',
        'post_category' => [get_category_by_slug('technology')->term_id],
    ], true);
} elseif ($action === 'title') {
    $id = wp_update_post(['ID' => (int) $argv[2], 'post_title' => $argv[3]], true);
} elseif ($action === 'category') {
    $id = (int) $argv[2];
    wp_set_post_categories($id, [get_category_by_slug($argv[3])->term_id]);
} elseif ($action === 'trash') {
    $id = wp_trash_post((int) $argv[2]) ? (int) $argv[2] : new WP_Error('trash', 'not trashed');
} else {
    fwrite(STDERR, "usage: edit-post.php create <title> | title <id> <title> | category <id> <slug> | trash <id>\n");
    exit(2);
}
if (is_wp_error($id)) {
    fwrite(STDERR, $id->get_error_message() . "\n");
    exit(1);
}
echo json_encode(['id' => $id, 'slug' => get_post($id)->post_name, 'at' => $at]), "\n";
