<?php
/*
 * Installs WordPress into the empty test database and seeds it with the posts the
 * tests read: categories (with a child, opinion/blog/interview, an editions parent),
 * tags, generated featured images, sticky posts, a video-format post, titles with
 * entities, Hindi and Arabic posts, a Gutenberg post, a post with script and onerror,
 * shortcode leftovers, and enough filler for several pages; or, with
 * NEWSREADER_WP_CORPUS, the shared corpus instead (import-corpus.php). Run by
 * test/wordpress/wordpress.ts with PHP CLI; prints a JSON summary.
 */
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWSREADER_WP_CONFIG');
$_SERVER['HTTP_HOST'] = parse_url(getenv('NEWSREADER_WP_URL'), PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

$result = wp_install('Newsreader test site', 'admin', 'admin@example.com', true, '', 'admin-password-not-secret');
update_option('permalink_structure', '/%postname%/');
update_option('posts_per_page', 10);
// Local time differs from UTC, so a mapping that read `date` instead of `date_gmt` would show.
update_option('timezone_string', 'Asia/Kolkata');
// wp_install's "Hello world!" got its local date while the site was on UTC; WordPress sorts by local date.
$hello = get_post(1);
wp_update_post(['ID' => 1, 'post_date' => get_date_from_gmt($hello->post_date_gmt), 'post_date_gmt' => $hello->post_date_gmt]);
// Stored as written: the seed plays an editor with unfiltered_html, or an import.
kses_remove_filters();

// The shared corpus instead of the newsreader seed (test/wordpress/corpus.ts).
if (getenv('NEWSREADER_WP_CORPUS')) {
    require __DIR__ . '/import-corpus.php';
    return;
}

$author = wp_insert_user([
    'user_login' => 'asha', 'user_pass' => wp_generate_password(), 'display_name' => 'Asha Rao',
    'user_email' => 'asha@example.com', 'role' => 'author',
]);
$columnist = wp_insert_user([
    'user_login' => 'omar', 'user_pass' => wp_generate_password(), 'display_name' => 'Omar Haddad',
    'user_email' => 'omar@example.com', 'role' => 'author',
]);

function term(string $name, string $slug, string $taxonomy = 'category', int $parent = 0): int {
    $made = wp_insert_term($name, $taxonomy, ['slug' => $slug, 'parent' => $parent]);
    if (is_wp_error($made)) throw new RuntimeException($made->get_error_message());
    return $made['term_id'];
}

$technology = term('Technology', 'technology');
$ai = term('Artificial Intelligence', 'artificial-intelligence', 'category', $technology);
$economy = term('Economy & Business', 'economy-business');
$politics = term('Politics', 'politics');
$health = term('Health', 'health');
$energy = term('Energy & Environment', 'energy-environment');
$opinion = term('Opinion', 'opinion');
$blog = term('Blog', 'blog');
$interview = term('Interview', 'interview');
$editions = term('Editions', 'editions');
// The breaking feed: one old story in it, far down the latest feed, still reaches the ticker.
$breaking = term('Breaking', 'breaking');
$india = term('India', 'india', 'category', $editions);
$europe = term('Europe', 'europe', 'category', $editions);
$mena = term('Middle East & Africa', 'middle-east-africa', 'category', $editions);
term('Climate', 'climate', 'post_tag');
term('Markets', 'markets', 'post_tag');
term('Elections', 'elections', 'post_tag');

/** A generated PNG in the uploads folder, attached as media (GD; nothing is downloaded). */
function image(string $name, int $width, int $height, array $rgb, string $alt, int $parent = 0): int {
    $uploads = wp_upload_dir();
    wp_mkdir_p($uploads['path']);
    $file = $uploads['path'] . '/' . $name . '.png';
    $picture = imagecreatetruecolor($width, $height);
    imagefill($picture, 0, 0, imagecolorallocate($picture, ...$rgb));
    $light = imagecolorallocate($picture, 255, 255, 255);
    imagefilledellipse($picture, intdiv($width, 2), intdiv($height, 2), intdiv($width, 3), intdiv($height, 3), $light);
    imagepng($picture, $file);
    imagedestroy($picture);
    $id = wp_insert_attachment([
        'post_mime_type' => 'image/png', 'post_title' => $name, 'post_status' => 'inherit',
        'guid' => $uploads['url'] . '/' . $name . '.png',
    ], $file, $parent);
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $file));
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

$now = time();
$hour = 3600;
function post(array $fields, int $hoursAgo): int {
    global $now, $hour;
    $gmt = gmdate('Y-m-d H:i:s', $now - $hoursAgo * $hour);
    $id = wp_insert_post(array_merge([
        'post_status' => 'publish', 'post_type' => 'post',
        'post_date_gmt' => $gmt, 'post_date' => get_date_from_gmt($gmt),
    ], $fields), true);
    if (is_wp_error($id)) throw new RuntimeException($id->get_error_message());
    return $id;
}

$slugs = [];

// Filler first (oldest): enough posts for several pages of ten.
$fillerSectors = [$politics, $health, $technology, $energy, $economy];
for ($i = 1; $i <= 24; $i++) {
    $sector = $fillerSectors[$i % count($fillerSectors)];
    $id = post([
        'post_title' => "Briefing number $i on the week's policy news",
        'post_name' => "briefing-$i",
        'post_content' => "<p>Briefing $i: what changed this week, and what did not.</p>\n\n<p>Officials met twice; the second meeting ran late.</p>",
        'post_author' => $author,
        'post_category' => array_merge([$sector, $i % 2 ? $india : $europe], $i === 12 ? [$breaking] : []),
    ], 100 + $i * 3);
    if ($i === 12) $slugs['breaking'] = "briefing-$i";
}

$heroImage = image('harvest-market', 1600, 900, [30, 90, 60], 'Traders at a grain market at dawn');
$id = post([
    'post_title' => "What's next for India's farmers & lenders",
    'post_name' => 'whats-next-for-indias-farmers-and-lenders',
    'post_excerpt' => 'Credit <em>co-operatives</em> &amp; banks weigh the monsoon’s toll.',
    'post_content' => "<p>Lenders say the monsoon's late arrival changed the arithmetic for small farmers &amp; their co-operatives.</p>\n\n<p>The central bank's review is due next week.</p>",
    'post_author' => $author,
    'post_category' => [$economy, $india],
    'tags_input' => ['markets', 'climate'],
], 1);
set_post_thumbnail($id, $heroImage);
stick_post($id);
$slugs['entities'] = get_post($id)->post_name;

$solarImage = image('solar-rooftops', 1200, 800, [200, 120, 20], 'छत पर सौर पैनल');
$id = post([
    'post_title' => 'भारत में छतों पर सौर ऊर्जा का तेज़ी से विस्तार',
    'post_name' => 'rooftop-solar-india-hindi',
    'post_content' => "<p>देश के कई शहरों में घरों की छतों पर सौर पैनल लगाने की संख्या पिछले साल दोगुनी हो गई।</p>\n\n<p>विशेषज्ञों का कहना है कि सब्सिडी और सस्ते पैनल इसकी मुख्य वजह हैं।</p>",
    'post_author' => $author,
    'post_category' => [$energy, $india],
    'tags_input' => ['climate'],
], 2);
set_post_thumbnail($id, $solarImage);
$slugs['hindi'] = 'rooftop-solar-india-hindi';

$id = post([
    'post_title' => 'المغرب يوسّع محطات الطاقة الشمسية في الصحراء',
    'post_content' => "<p>أعلنت الحكومة المغربية عن مرحلة جديدة من مشروع نور للطاقة الشمسية.</p>\n\n<p>ويقول خبراء إن المشروع سيوفر الكهرباء لمليون منزل.</p>",
    'post_author' => $columnist,
    'post_category' => [$energy, $mena],
], 3);
// No post_name: WordPress makes a percent-encoded slug from the Arabic title, as on a real site.
$slugs['arabic'] = get_post($id)->post_name;

$chartImage = image('chip-output-chart', 1024, 640, [20, 40, 120], 'Bar chart of chip output by quarter');
$galleryA = image('fab-cleanroom', 800, 600, [90, 90, 90], 'A cleanroom corridor');
$galleryB = image('fab-wafer', 800, 800, [150, 30, 30], 'A silicon wafer');
$chartUrl = wp_get_attachment_image_url($chartImage, 'large');
$chartMeta = wp_get_attachment_metadata($chartImage);
$aUrl = wp_get_attachment_image_url($galleryA, 'large');
$bUrl = wp_get_attachment_image_url($galleryB, 'large');
$gutenberg = <<<HTML
<!-- wp:paragraph -->
<p>Chip makers reported record output in the third quarter, led by new plants in Asia.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Where the new capacity is</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Most of the added capacity is in <a href="https://example.org/report">three new fabs</a> that opened this year.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":$chartImage,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$chartUrl" alt="Bar chart of chip output by quarter" class="wp-image-$chartImage"/><figcaption class="wp-element-caption">Output by quarter, in millions of wafers.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>We are building as fast as the equipment arrives.</p>
<!-- /wp:paragraph --><cite>Plant manager, Hsinchu</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">What to watch</h3>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Memory prices</li>
<!-- /wp:list-item --><!-- wp:list-item -->
<li>Export rules</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":$galleryA,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="$aUrl" alt="A cleanroom corridor" class="wp-image-$galleryA"/><figcaption class="wp-element-caption">The cleanroom.</figcaption></figure>
<!-- /wp:image --><!-- wp:image {"id":$galleryB,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="$bUrl" alt="A silicon wafer" class="wp-image-$galleryB"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube","responsive":true} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div><figcaption class="wp-element-caption">The plant's opening, on video.</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>Q2</td><td>31</td></tr><tr><td>Q3</td><td>36</td></tr></tbody></table></figure>
<!-- /wp:table -->
HTML;
$id = post([
    'post_title' => 'Chip output hits a record as new fabs open',
    'post_name' => 'chip-output-record-gutenberg',
    'post_content' => $gutenberg,
    'post_author' => $author,
    'post_category' => [$ai, $europe],
    'tags_input' => ['markets'],
], 4);
set_post_thumbnail($id, $chartImage);
stick_post($id);
$slugs['gutenberg'] = 'chip-output-record-gutenberg';

$id = post([
    'post_title' => 'Council publishes the draft budget',
    'post_name' => 'council-draft-budget-unsafe-markup',
    'post_content' => "<p>The draft is 200 pages long.</p>\n<script>window.__pwned = 1; alert('script');</script>\n<p><img src=\"x\" onerror=\"window.__pwned = 2\" alt=\"broken\"> Readers can comment until May.</p>\n<div onclick=\"alert(3)\"><a href=\"javascript:alert(4)\">A link that runs code</a></div>\n<iframe src=\"https://evil.example/\"></iframe>",
    'post_author' => $author,
    'post_category' => [$politics],
], 5);
$slugs['unsafe'] = 'council-draft-budget-unsafe-markup';

$id = post([
    'post_title' => 'Sixty seconds inside a battery plant',
    'post_name' => 'battery-plant-video',
    'post_content' => "<p>A quick look at the line.</p>\n\nhttps://vimeo.com/76979871\n",
    'post_author' => $author,
    'post_category' => [$energy],
], 6);
set_post_format($id, 'video');
$slugs['video'] = 'battery-plant-video';

$id = post([
    'post_title' => 'Cities should price parking before building roads',
    'post_name' => 'cities-should-price-parking',
    'post_content' => '<p>Free parking is the most expensive policy nobody voted for.</p>',
    'post_author' => $columnist,
    'post_category' => [$opinion, $politics],
], 7);
$slugs['opinion'] = 'cities-should-price-parking';
post([
    'post_title' => 'Notes from a week of reporting on water',
    'post_name' => 'notes-on-water-blog',
    'post_content' => '<p>Three towns, three different water prices.</p>',
    'post_author' => $author,
    'post_category' => [$blog],
], 8);
$slugs['blog'] = 'notes-on-water-blog';
post([
    'post_title' => 'A nurse on rebuilding trust in vaccines',
    'post_name' => 'nurse-on-vaccine-trust-interview',
    'post_content' => "<p><strong>Why has trust fallen?</strong></p>\n<p>People change their minds when someone they know listens.</p>",
    'post_author' => $author,
    'post_category' => [$interview, $health],
], 9);
$slugs['interview'] = 'nurse-on-vaccine-trust-interview';

$captionImage = image('flooded-road', 900, 600, [40, 60, 160], 'A flooded road');
$galleryC = image('sandbags', 640, 480, [120, 100, 60], 'Sandbags by a door');
$captionUrl = wp_get_attachment_image_url($captionImage, 'medium');
$id = post([
    'post_title' => 'Floods close roads across the delta',
    'post_name' => 'floods-classic-shortcodes',
    'post_content' => "[caption id=\"attachment_$captionImage\" align=\"alignnone\" width=\"300\"]<img class=\"size-medium wp-image-$captionImage\" src=\"$captionUrl\" alt=\"A flooded road\" /> The road to the port on Monday.[/caption]\n\nWater rose a metre overnight.\n\n[gallery ids=\"$captionImage,$galleryC\"]\n\n[vc_row][vc_column]Crews worked through the night.[/vc_column][/vc_row]",
    'post_author' => $author,
    'post_category' => [$energy, $india],
    'tags_input' => ['climate'],
], 10);
$slugs['classic'] = 'floods-classic-shortcodes';

// Listed by the REST API, but its text is behind a password: a reader cannot show it.
post(['post_title' => 'Members-only briefing', 'post_name' => 'members-only-protected', 'post_password' => 'secret',
    'post_content' => '<p>Only for members.</p>', 'post_author' => $author, 'post_category' => [$politics]], 11);
$slugs['protected'] = 'members-only-protected';

// A draft is not public: it must never show up.
post(['post_title' => 'Unpublished draft', 'post_name' => 'unpublished-draft', 'post_status' => 'draft',
    'post_content' => '<p>Not yet.</p>', 'post_category' => [$politics]], 0);

flush_rewrite_rules(false);
echo json_encode(['installed' => !empty($result['user_id']), 'slugs' => $slugs,
    'posts' => (int) wp_count_posts()->publish, 'version' => get_bloginfo('version')]), "\n";
