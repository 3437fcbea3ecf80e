package lv.opengov.reporting.plan;

/**
 * One change or addition to the plan, as a refresh records it.
 *
 * @param kind what changes
 * @param measureCode the measure (or milestone) concerned; a new one's code
 * @param commitment for a new measure or milestone, its commitment
 * @param titleLv the new Latvian title (new items, title changes)
 * @param titleEn the new English title (new items, title changes)
 * @param responsible the responsible institution's code (new items, institution changes)
 * @param deadline the deadline as the plan states it, e.g. "2025. gada IV ceturksnis" (new items, deadline changes)
 */
public record PlanEdit(Kind kind, String measureCode, Integer commitment, String titleLv, String titleEn,
        String responsible, String deadline) {

    /** The kinds of change OGP's changes-and-additions document lists. */
    public enum Kind { NEW_MEASURE, NEW_MILESTONE, TITLE_CHANGED, DEADLINE_CHANGED, INSTITUTION_CHANGED, REMOVED }
}
