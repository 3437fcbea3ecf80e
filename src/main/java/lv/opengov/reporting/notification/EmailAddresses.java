package lv.opengov.reporting.notification;

import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address the service will write to: something before and after one
 * {@code @}, a dot in the domain, and none of the characters that would split or forge a header
 * (white space, line breaks, commas, semicolons, angle brackets).
 */
public final class EmailAddresses {

    /** For checks that take a pattern, such as the plan import's column checks. */
    public static final Pattern PATTERN = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    /** The longest address SMTP allows. */
    public static final int MAX_LENGTH = 320;

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= MAX_LENGTH && PATTERN.matcher(address).matches();
    }
}
