package lv.opengov.reporting.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone of the service's dates ({@code reporting.zone}, Europe/Riga unless set), read once: the
 * zone in which the dates of a request are meant, a day begins and ends, and moments are written on
 * pages and in exports. Templates reach it as {@code @serviceZone}.
 */
@Component("serviceZone")
public class ServiceZone {

    private final ZoneId id;
    private final Clock clock;

    public ServiceZone(@Value("${reporting.zone:Europe/Riga}") ZoneId id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    public ZoneId id() {
        return id;
    }

    /** Today, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(id));
    }

    /** The first moment of the day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(id).toInstant();
    }

    /** The moment the clock shows the given time on the given day. */
    public Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, id).toInstant();
    }

    /** A moment as the zone's date and time of day. */
    public ZonedDateTime local(Instant moment) {
        return moment.atZone(id);
    }
}
