<?php
/*
 * Test switch, loaded as a must-use plugin by test/wordpress/wordpress.ts: while the
 * file `rest-locked` exists in the content folder, the REST API refuses visitors the
 * way security plugins do (401 rest_not_logged_in).
 */
add_filter('rest_authentication_errors', function ($result) {
    if (file_exists(WP_CONTENT_DIR . '/rest-locked')) {
        return new WP_Error('rest_not_logged_in', 'You are not currently logged in.', ['status' => 401]);
    }
    return $result;
});
