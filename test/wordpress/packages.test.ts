/**
 * Without Debian's WordPress, PHP or MariaDB the WordPress tests fail, saying what to
 * install, instead of skipping.
 */
import { describe, expect, it } from 'vitest';
import { checkPackages, INSTALL_COMMAND } from './wordpress.ts';

describe('the WordPress test environment', () => {
  it('fails with the exact apt-get line when the packages are missing', () => {
    const missing = {
      wordpressRoot: '/nonexistent/wordpress',
      mariadb: ['/nonexistent/mariadbd'],
      installDb: ['/nonexistent/mariadb-install-db'],
      php: '/nonexistent/php',
    };
    expect(() => checkPackages(missing)).toThrow(INSTALL_COMMAND);
    expect(() => checkPackages(missing)).toThrow(/wordpress, php-cli, mariadb-server/);
    expect(INSTALL_COMMAND).toContain('apt-get install -y wordpress php-cli php-mysql mariadb-server');
  });
});
