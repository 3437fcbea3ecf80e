package lv.opengov.reporting.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One day of calendar data: a festival day, an ad-hoc holiday, or one side of a transfer. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    @Column(name = "calendar_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CalendarDayKind kind;

    @Column(name = "reason_lv", nullable = false, length = 300)
    private String reasonLv;

    @Column(name = "reason_en", nullable = false, length = 300)
    private String reasonEn;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, CalendarDayKind kind, String reasonLv, String reasonEn, String createdBy,
            Instant createdAt) {
        this.day = day;
        this.kind = kind;
        this.reasonLv = reasonLv;
        this.reasonEn = reasonEn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public LocalDate getDay() {
        return day;
    }

    public CalendarDayKind getKind() {
        return kind;
    }

    public String getReasonLv() {
        return reasonLv;
    }

    public String getReasonEn() {
        return reasonEn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
