package io.spot.onboarding.common.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/**
 * Where the Spot API lives. Plain HTTP is accepted only for loopback hosts (the emulator): the
 * token travels in a header, and anywhere else it would cross a network in clear text.
 */
public final class SpotEndpoint {
    public static final String DEFAULT_URL = "https://api.spotinst.io";

    private final HttpUrl url;

    private SpotEndpoint(final HttpUrl url) {
        this.url = url;
    }

    /** @throws IllegalArgumentException with a message naming the accepted form */
    public static SpotEndpoint of(final String value) {
        final String text = value == null || value.isBlank() ? DEFAULT_URL : value.trim();
        final HttpUrl parsed = HttpUrl.parse(text);
        if (parsed == null
                || !parsed.encodedPath().equals("/") && !parsed.encodedPath().isEmpty()
                || parsed.query() != null) {
            throw new IllegalArgumentException("must be an absolute http(s) URL with no path or query, such as "
                    + DEFAULT_URL + " (was '" + abbreviate(text) + "')");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new IllegalArgumentException("must use https:// for a host that is not loopback (was '"
                    + abbreviate(text) + "'); plain http:// is accepted only for 127.0.0.1, ::1 or localhost");
        }
        return new SpotEndpoint(parsed);
    }

    HttpUrl.Builder path(final String... segments) {
        final HttpUrl.Builder builder = url.newBuilder();
        for (final String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    public String url() {
        return url.toString();
    }

    /** On this machine (the emulator): the only place a token from the type configuration may go unasked. */
    public boolean isLocal() {
        return isLoopback(url.host());
    }

    @Override
    public String toString() {
        return url.toString();
    }

    private static boolean isLoopback(final String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
            return false; // never resolve names here: a lookup is slow and DNS can lie
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String abbreviate(final String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
