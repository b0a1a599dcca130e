/** Site-wide link lists, kept in one place so the header, band and footer agree. */
export const primaryLinks = [
  { to: '/', label: 'Home', end: true },
  { to: '/latest', label: 'Latest', end: false },
  { to: '/trending', label: 'Trending', end: false },
  { to: '/opinion', label: 'Opinion', end: false },
  { to: '/devshots', label: 'DevShots', end: false },
  { to: '/saved', label: 'Saved', end: false },
] as const;

/** In the sections bar once the reader follows something. */
export const followingLink = { to: '/following', label: 'Following', end: false } as const;

export const socialLinks = [
  { href: 'https://www.linkedin.com/company/devdiscourse', label: 'LinkedIn' },
  { href: 'https://www.quora.com/profile/Devdiscourse', label: 'Quora' },
  { href: 'https://www.youtube.com/@devdiscourse', label: 'YouTube' },
] as const;

export const otherLinks = [
  { to: '/about', label: 'About' },
  { to: '/disclaimer', label: 'Disclaimer' },
  { to: '/terms', label: 'Terms of use' },
  { to: '/privacy', label: 'Privacy Policy' },
] as const;

export const CONTACT_EMAIL = 'info@devdiscourse.com';
export const CONTACT_PHONE = '+91-720-6444012';
