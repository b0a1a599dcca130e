<?php
/*
 * Imports the shared corpus (test/wordpress/corpus.ts has parsed the export into JSON:
 * Debian's PHP has no XML extension) with wp_insert_post(): authors, categories, tags,
 * posts and pages (pages as posts: the reader reads posts), attachments with their
 * original ids, sticky flags, post formats, and one post per Gutenberg fixture. Run by
 * install.php instead of the newsreader seed; prints the same JSON summary.
 */
$corpus = json_decode(file_get_contents(getenv('NEWSREADER_WP_CORPUS')), true, 512, JSON_THROW_ON_ERROR);

// wp_install's own post, page and privacy draft hold ids the export uses.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $existing) {
    wp_delete_post($existing->ID, true);
}

$users = [];
foreach ($corpus['authors'] as $author) {
    $users[$author['login']] = wp_insert_user([
        'user_login' => $author['login'], 'user_pass' => wp_generate_password(), 'display_name' => $author['name'],
        'user_email' => $author['login'] . '@example.com', 'role' => 'author',
    ]);
}

// Parents before children: the export lists them in any order.
$pending = $corpus['categories'];
for ($round = 0; $pending && $round < 10; $round++) {
    $later = [];
    foreach ($pending as $category) {
        $parent = 0;
        if ($category['parent'] !== '') {
            $found = get_term_by('slug', $category['parent'], 'category');
            if (!$found) { $later[] = $category; continue; }
            $parent = $found->term_id;
        }
        wp_insert_term($category['name'], 'category', ['slug' => $category['slug'], 'parent' => $parent]);
    }
    $pending = $later;
}
foreach ($corpus['tags'] as $tag) wp_insert_term($tag['name'], 'post_tag', ['slug' => $tag['slug']]);

// Placeholder files for every picture, sound and video the content points at.
$uploads = wp_upload_dir();
$folder = $uploads['basedir'] . '/corpus';
wp_mkdir_p($folder);
foreach ($corpus['placeholders'] as $name => $size) {
    $file = "$folder/$name";
    if ($size === null) { file_put_contents($file, 'placeholder'); continue; }
    $picture = imagecreatetruecolor($size['width'], $size['height']);
    $hash = crc32($name);
    imagefill($picture, 0, 0, imagecolorallocate($picture, $hash & 0x7f, ($hash >> 8) & 0x7f, ($hash >> 16) & 0x7f));
    $extension = strtolower(pathinfo($name, PATHINFO_EXTENSION));
    if ($extension === 'png') imagepng($picture, $file);
    elseif ($extension === 'gif') imagegif($picture, $file);
    elseif ($extension === 'webp') imagewebp($picture, $file);
    else imagejpeg($picture, $file, 60);
    imagedestroy($picture);
}

$mimes = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif',
    'mp3' => 'audio/mpeg', 'mov' => 'video/quicktime', 'mp4' => 'video/mp4', 'pdf' => 'application/pdf'];
$count = 0;
foreach ($corpus['items'] as $item) {
    $author = $users[$item['author']] ?? 0;
    // wp_insert_post() unslashes what it is given: slashed, backslashes in code and TeX survive.
    $fields = [
        'post_title' => $item['title'], 'post_name' => $item['name'], 'post_content' => $item['content'],
        'post_excerpt' => $item['excerpt'], 'post_author' => $author, 'post_password' => $item['password'],
        'post_date_gmt' => $item['dateGmt'], 'post_date' => get_date_from_gmt($item['dateGmt']),
    ];
    $fields = wp_slash($fields);
    if ($item['id'] > 0) $fields['import_id'] = $item['id'];
    if ($item['type'] === 'attachment') {
        $relative = $item['attachmentFile'];
        $extension = strtolower(pathinfo($relative, PATHINFO_EXTENSION));
        $id = wp_insert_attachment($fields + [
            'post_status' => 'inherit', 'post_mime_type' => $mimes[$extension] ?? 'application/octet-stream',
            'guid' => $uploads['baseurl'] . '/' . $relative,
        ], $uploads['basedir'] . '/' . $relative, $item['parent'], true);
        if (is_wp_error($id)) throw new RuntimeException($id->get_error_message());
        $size = $corpus['placeholders'][basename($relative)] ?? null;
        if ($size) {
            // The placeholder's own size, without generating thumbnails: WordPress serves the original.
            wp_update_attachment_metadata($id, ['width' => $size['width'], 'height' => $size['height'],
                'file' => $relative, 'sizes' => []]);
        }
        if (isset($item['meta']['_wp_attachment_image_alt'])) {
            update_post_meta($id, '_wp_attachment_image_alt', $item['meta']['_wp_attachment_image_alt']);
        }
        continue;
    }
    if ($item['status'] !== 'publish') continue;
    $id = wp_insert_post($fields + ['post_status' => 'publish', 'post_type' => 'post'], true);
    if (is_wp_error($id)) throw new RuntimeException($id->get_error_message());
    $count++;
    $categories = array_filter(array_map(fn ($slug) => get_term_by('slug', $slug, 'category')->term_id ?? null,
        $item['categories']));
    if ($categories) wp_set_post_categories($id, $categories);
    if ($item['tags']) wp_set_post_tags($id, array_map(fn ($slug) => get_term_by('slug', $slug, 'post_tag')->name ?? $slug,
        $item['tags']));
    if ($item['format']) set_post_format($id, $item['format']);
    if ($item['sticky']) stick_post($id);
    foreach ($item['meta'] as $key => $value) {
        if ($key === '_thumbnail_id' || strncmp($key, '_oembed_', 8) === 0) update_post_meta($id, $key, $value);
    }
}

flush_rewrite_rules(false);
echo json_encode(['installed' => true, 'slugs' => [], 'posts' => $count, 'version' => get_bloginfo('version')]), "\n";
