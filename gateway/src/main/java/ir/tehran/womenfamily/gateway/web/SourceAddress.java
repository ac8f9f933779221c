package ir.tehran.womenfamily.gateway.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import io.vertx.core.net.SocketAddress;

/**
 * The source address of a request as one key, used by the rate limits and the login throttle alike: IPv4 as is,
 * IPv6 by its /64 network (one subscriber usually holds a whole /64). The address is the connection's, or, when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on (it is off by default), the one
 * {@code X-Forwarded-For}/{@code Forwarded} names. Turn it on only together with
 * {@code quarkus.http.proxy.trusted-proxies} naming the load balancer: Quarkus then ignores the header from anyone
 * else, so a client cannot choose its own key by sending it (without that list Quarkus believes every sender).
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    /** {@code address:<ip>} or {@code address:<hex>::/64}; {@code address:unknown} when there is none. */
    public static String key(SocketAddress remote) {
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty()) {
            return "address:unknown";
        }
        if (host.indexOf(':') < 0) {
            return "address:" + host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 16) {
                return "address:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return "address:" + InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "address:" + host;
        }
    }
}
