package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests from many source addresses without a test profile: the whole loopback network ({@code 127.0.0.0/8})
 * is this machine's, so a client that binds its end of the connection to {@code 127.x.y.z} reaches the test's
 * gateway from that address, and the gateway keys its limits by the connection's address exactly as in production
 * (no {@code X-Forwarded-For} to trust, so the module keeps one configuration and starts once).
 */
final class SourceAddresses {

    /** Apache HttpClient's parameter (ConnRoutePNames.LOCAL_ADDRESS) naming the address a connection leaves from. */
    private static final String LOCAL_ADDRESS = "http.route.local-address";

    private SourceAddresses() {
    }

    /** A fresh loopback address in {@code 127.<network>.0.0/16}, other than the default {@code 127.0.0.1}. */
    static String random(int network) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + network + "." + r.nextInt(250) + "." + (1 + r.nextInt(250));
    }

    /** A request whose connection leaves from {@code address}, one of this machine's loopback addresses. */
    static RequestSpecification from(String address) {
        try {
            return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(LOCAL_ADDRESS, InetAddress.getByName(address))));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
