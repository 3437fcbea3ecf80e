package lv.opengov.reporting.report;

/** Why a contributor contributes to a measure's report: as order No. 78 names those who carry it out. */
public enum ContributionRole {
    /** A co-responsible institution of the measure. */
    CO_RESPONSIBLE,
    /** An other implementer of the measure: an NGO, a municipality or another partner. */
    IMPLEMENTER
}
