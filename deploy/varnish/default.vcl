# Varnish 7 in front of the news reader's server (`npm start`), with the xkey vmod of
# Debian's varnish-modules. Pages and /api answers are cached for as long as the
# server's Cache-Control says (s-maxage), purged by surrogate key (the server's `xkey`
# header) when the server's purge hook asks, and served stale while the server is down.
# docs/deploy.md#varnish explains each part and how to run it.
vcl 4.1;

import std;
import xkey;

# The server: one address per machine (WEB_CONCURRENCY processes share its port).
backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 15s;
    .between_bytes_timeout = 10s;
    # Down after two failed checks of three: stale copies are then served for up to a day.
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge (the servers' addresses: their purge hook calls every PURGE_TARGETS Varnish) and
# read /metrics through Varnish (add the Prometheus scraper's).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        # A hard purge: a correction or a takedown is never served stale.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Metrics are for the operator's scraper (from the purgers' addresses), not the public.
    if (req.url ~ "^/metrics" && client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    # The purge hook, health checks and metrics always reach a live server.
    if (req.url ~ "^/(hooks/|healthz|readyz|metrics)") {
        return (pass);
    }
    # Only the server's proxy settings may say where a request came from, never a client.
    unset req.http.X-Forwarded-Host;

    # Tracking codes on shared links make no new cache entry (the server ignores them too).
    if (req.url ~ "[?&](utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|twclid|_ga|_gl|ref_src)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|twclid|_ga|_gl|ref_src)=[^&#]*", "\1");
        set req.url = regsuball(req.url, "[?&]+$", "");
        set req.url = regsuball(req.url, "\?&+", "?");
        set req.url = regsuball(req.url, "&&+", "&");
    }
    set req.url = std.querysort(req.url);

    # The reader's lite choice picks a version of the page, it is no session: carried as the
    # Save-Data hint the server varies on, so both versions are cached for every reader.
    if (req.http.Cookie ~ "(^|;\s*)reader-lite=on(;|$)") {
        set req.http.Save-Data = "on";
    } elsif (req.http.Cookie ~ "(^|;\s*)reader-lite=off(;|$)") {
        unset req.http.Save-Data;
    }
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)reader-lite=[^;]*", "");
    }

    # Analytics cookies are the browser's business: the reader reads no other cookie.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)(_ga[^=]*|_gid|_gat[^=]*|_gcl_[a-z]+|_fbp|_fbc|__utm[a-z]+|_hj[^=]*|_clck|_clsk|_pk_[^=]*|mp_[^=]*|ajs_[^=]*|__cf_bm|_cfuvid)=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;\s*", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
        } else {
            # Some other cookie (a login, a preview): not a page to share between readers.
            return (pass);
        }
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # One cache entry per encoding the server makes (brotli, gzip, none), not one per browser's list.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.X-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.X-Encoding = "gzip";
    } else {
        unset req.http.X-Encoding;
    }
    if (req.http.X-Encoding) {
        set req.http.Accept-Encoding = req.http.X-Encoding;
    } else {
        unset req.http.Accept-Encoding;
    }

    # While the server is healthy a stale copy is served at most 10 s past its time (and
    # refreshed meanwhile); while it is down, for as long as the object is kept (a day).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    # The server writes its pages for SITE_URL whatever the Host: a forged Host shares the entry.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    # Varnish asks for gzip by itself; the server's brotli copy is asked for by name.
    if (bereq.http.X-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Encoding;
    } else {
        unset bereq.http.Accept-Encoding;
    }
}

sub vcl_backend_response {
    # The TTL comes from the server's s-maxage; the object is kept a day past it for outages.
    set beresp.grace = 24h;
    # A failed refresh of a stale copy keeps the copy instead of replacing it with the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Compressed by the server already (brotli is not Varnish's to undo).
    set beresp.do_gzip = false;
    # no-store, private, Set-Cookie and Vary: * are left to the built-in VCL below (not cached).
    # Varnish matches Vary: Accept-Encoding as gzip or not, and would give a gzip reader the
    # brotli copy: the copies vary on the normalised encoding instead.
    if (beresp.http.Vary ~ "(?i)accept-encoding") {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)accept-encoding", "X-Encoding");
    }
}

sub vcl_deliver {
    if (resp.http.Vary) {
        set resp.http.Vary = regsuball(resp.http.Vary, "X-Encoding", "Accept-Encoding");
        set resp.http.Vary = regsub(resp.http.Vary, "Accept-Encoding, Accept-Encoding", "Accept-Encoding");
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for caches, not readers (a purger may still see them, for debugging).
    if (client.ip !~ purgers) {
        unset resp.http.xkey;
        unset resp.http.Surrogate-Key;
        unset resp.http.Cache-Tag;
    }
}
