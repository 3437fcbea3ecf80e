package lv.opengov.reporting.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client behind a request, for the login throttle and the opinion limit. Behind a
 * reverse proxy every request comes from the proxy, so the client is read from {@code X-Forwarded-For}
 * — but only when the request came from a proxy named in {@code reporting.security.trusted-proxies}
 * (addresses or CIDR ranges): anyone else could write that header. The list is read from the right,
 * skipping the trusted proxies, so a client cannot put a made-up address in front of its own.
 */
@Component
public class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(@Value("${reporting.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    /**
     * What a login attempt carries about its request: the client's address as found here. Kept with the
     * login in the session, which the postgres profile stores in the database, hence serializable.
     */
    public record Details(String address) implements java.io.Serializable {
    }

    /** For Spring Security's login filters: each attempt gets {@link Details}. */
    public Details details(HttpServletRequest request) {
        return new Details(of(request));
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trusted(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return remote;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** The client of the request being served on this thread, or {@code "unknown"} outside one. */
    public String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return "unknown";
    }

    private boolean trusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        try {
            return trustedProxies.stream().anyMatch(m -> m.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile(
            "[0-9a-fA-F:]{2,39}(:" + IPV4.pattern() + ")?");

    /** A literal IPv4 or IPv6 address only: a name found in a header is never looked up. */
    private static boolean isAddress(String value) {
        return value != null && (IPV4.matcher(value).matches() || value.contains(":") && IPV6.matcher(value).matches());
    }
}
