package org.accordpay.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.webhook.WebhookException;

/**
 * Where Accord may send a merchant's events. Live endpoints: https only, and every address the
 * host resolves to must be public (no loopback, private, link-local, unique-local, carrier-grade
 * NAT, multicast or unspecified address), checked at registration and again before each delivery
 * (a DNS answer can change). Test endpoints: http or https, any host, for development.
 */
final class TargetPolicy {

    private TargetPolicy() {
    }

    /**
     * @return the URI when Accord may deliver there
     * @throws WebhookException {@code invalid-url} or {@code forbidden-target}
     */
    static URI check(String url, Mode mode) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new WebhookException(WebhookException.INVALID_URL, "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null
                || uri.getFragment() != null || url.length() > 1000) {
            throw new WebhookException(WebhookException.INVALID_URL,
                    "a webhook URL is http(s)://host[:port]/path, without credentials or fragment");
        }
        if (mode == Mode.TEST) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw new WebhookException(WebhookException.INVALID_URL, "live webhooks must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new WebhookException(WebhookException.INVALID_URL, "unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new WebhookException(WebhookException.FORBIDDEN_TARGET,
                        uri.getHost() + " resolves to a non-public address; live webhooks only go to the internet");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second <= 127;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19));
            return !cgnat && !reserved;
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        boolean mappedV4 = b[10] == (byte) 0xff && b[11] == (byte) 0xff && isZero(b, 0, 10);
        if (mappedV4) {
            try {
                return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return !uniqueLocal;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
