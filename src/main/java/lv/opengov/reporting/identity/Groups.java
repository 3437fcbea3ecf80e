package lv.opengov.reporting.identity;

/**
 * The Camunda groups of the contract. Institution groups are {@code inst-<code in lower case>}, the
 * groups of other implementers {@code impl-<code in lower case>}.
 */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String COORDINATORS = "coordinators";
    public static final String REVIEWERS = "reviewers";
    public static final String BOARD = "board";
    public static final String INSTITUTION_PREFIX = "inst-";
    public static final String IMPLEMENTER_PREFIX = "impl-";

    /** The code (upper case) of the institution or other implementer a group acts for; null for other groups. */
    public static String institutionCodeOf(String groupId) {
        for (String prefix : new String[] {INSTITUTION_PREFIX, IMPLEMENTER_PREFIX}) {
            if (groupId.startsWith(prefix)) {
                return groupId.substring(prefix.length()).toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** Spring Security authorities carry the group id behind this prefix. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private Groups() {
    }
}
