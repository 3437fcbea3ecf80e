package lv.opengov.reporting.identity;

/** The Camunda groups of the contract. Institution groups are {@code inst-<code in lower case>}. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String COORDINATORS = "coordinators";
    public static final String REVIEWERS = "reviewers";
    public static final String BOARD = "board";
    public static final String INSTITUTION_PREFIX = "inst-";

    /** Spring Security authorities carry the group id behind this prefix. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private Groups() {
    }
}
