package lv.opengov.reporting.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The client address of a MockMvc request. The login throttle and the opinion limit count per
 * address, so a test that does not test them sends each request from an address of its own.
 */
public final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClientAddresses() {
    }

    /** The request comes from the given address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The request comes from an address no other request of the test run used (10.9.0.1 onwards). */
    public static RequestPostProcessor fromNewAddress() {
        int n = NEXT.incrementAndGet();
        return from("10.9." + (n / 250) % 250 + "." + (n % 250 + 1));
    }
}
