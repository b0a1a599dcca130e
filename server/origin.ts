/**
 * The one origin the server writes into canonical, Open Graph and JSON-LD URLs: SITE_URL
 * when set (the request's Host then changes nothing, and the page cache is keyed by path
 * alone), else the request's Host if it is one of ALLOWED_HOSTS (anything else answers
 * 421), so a forged Host can neither poison a page nor split the cache. X-Forwarded-Proto
 * and X-Forwarded-Host are read only with TRUST_PROXY: without a proxy that sets them,
 * any client could.
 */
export interface OriginPolicy {
  /** SITE_URL's origin, e.g. https://news.example.com */
  siteUrl?: string;
  /** Host names (optionally with :port) accepted when SITE_URL is unset, lower case. */
  allowedHosts?: readonly string[];
  /** Read X-Forwarded-Proto / X-Forwarded-Host (set only behind a proxy that overwrites them). */
  trustProxy?: boolean;
}

export class UntrustedHost extends Error {}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

/** The origin a request's page is written for; throws UntrustedHost for a host not allowed. */
export function requestOrigin(policy: OriginPolicy, url: URL, headers: Headers): string {
  if (policy.siteUrl) return policy.siteUrl;
  const forwardedProto = policy.trustProxy ? firstValue(headers.get('x-forwarded-proto') ?? undefined) : undefined;
  const forwardedHost = policy.trustProxy ? firstValue(headers.get('x-forwarded-host') ?? undefined) : undefined;
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : url.protocol.slice(0, -1);
  const host = (forwardedHost ?? url.host).toLowerCase();
  const allowed = policy.allowedHosts ?? [];
  const name = host.replace(/:\d+$/, '');
  if (!/^[a-z0-9.\-[\]:]+$/.test(host) || !(allowed.includes(host) || allowed.includes(name))) {
    throw new UntrustedHost(`host ${JSON.stringify(host.slice(0, 100))} is not in ALLOWED_HOSTS`);
  }
  return `${protocol}://${host}`;
}

/**
 * Reads SITE_URL, ALLOWED_HOSTS and TRUST_PROXY. In production one of the first two is
 * required, except on a loopback interface, where only this machine can reach the server
 * and the loopback names are allowed. Throws a message for the operator.
 */
export function originPolicyFromEnv(env: NodeJS.ProcessEnv, listenHost: string): OriginPolicy {
  const trustProxy = /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? '');
  if (env.SITE_URL) {
    let siteUrl: string;
    try {
      siteUrl = new URL(env.SITE_URL).origin;
    } catch {
      throw new Error(`SITE_URL must be a URL such as https://news.example.com, not "${env.SITE_URL}"`);
    }
    return { siteUrl, trustProxy };
  }
  const listed = (env.ALLOWED_HOSTS ?? '')
    .split(/[\s,]+/)
    .map((host) => host.toLowerCase())
    .filter(Boolean);
  if (listed.length > 0) return { allowedHosts: listed, trustProxy };
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(listenHost);
  if (env.NODE_ENV === 'production' && !loopback) {
    throw new Error(
      'Set SITE_URL (e.g. SITE_URL=https://news.example.com), the public origin for canonical and share URLs, ' +
        'or ALLOWED_HOSTS (the host names this server answers for): a server open to the network would ' +
        'otherwise write any Host header a client sends into its pages.',
    );
  }
  return { allowedHosts: LOOPBACK, trustProxy };
}
