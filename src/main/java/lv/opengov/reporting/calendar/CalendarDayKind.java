package lv.opengov.reporting.calendar;

/** The kinds of calendar data that coordinators maintain. */
public enum CalendarDayKind {
    /** The closing day of the Song and Dance Festival: a holiday, moved to the next working day from a weekend. */
    FESTIVAL,
    /** A holiday declared by law for one occasion. */
    AD_HOC_HOLIDAY,
    /** A weekday made a day off by the Cabinet's transfer of working days. */
    TRANSFERRED_DAY_OFF,
    /** A Saturday (or Sunday) made a working day by the same transfer. */
    WORKING_DAY
}
