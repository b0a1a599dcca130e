<?php
/*
 * Router for PHP's built-in server in front of Debian's WordPress: Debian keeps the
 * code in /usr/share/wordpress and the content elsewhere, and has no Apache rewrites
 * here, so this script does their job. Settings come from the environment that
 * test/wordpress/wordpress.ts starts the server with.
 */
$root = '/usr/share/wordpress';
$content = getenv('NEWSREADER_WP_CONTENT');
// Debian's wp-config.php picks /etc/wordpress/config-<WORDPRESS_CONFIG>.php with this.
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWSREADER_WP_CONFIG');

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (strncmp($path, '/wp-content/', 12) === 0) {
    $base = realpath($content);
    $file = realpath($content . substr($path, 11));
    if ($file === false || strncmp($file, $base . '/', strlen($base) + 1) !== 0 || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    $types = ['png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif',
        'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'css' => 'text/css', 'js' => 'text/javascript'];
    $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$extension] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

$file = $root . $path;
if ($path !== '/' && is_file($file)) {
    if (substr($file, -4) !== '.php') return false; // a static file: the built-in server sends it
    $script = $file;
} elseif (is_dir($file) && is_file(rtrim($file, '/') . '/index.php') && $path !== '/') {
    $script = rtrim($file, '/') . '/index.php';
} else {
    // A pretty permalink or /wp-json/…: WordPress's front controller reads REQUEST_URI.
    $script = $root . '/index.php';
}
$_SERVER['SCRIPT_FILENAME'] = $script;
$_SERVER['SCRIPT_NAME'] = substr($script, strlen($root));
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($script));
require $script;
