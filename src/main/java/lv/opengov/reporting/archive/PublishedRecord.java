package lv.opengov.reporting.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.RefreshQuery;
import org.springframework.stereotype.Service;

/**
 * What the plan's public repository shows: everything published, with its date, newest first, and each
 * half-year since the plan began with what was published in it. The OGP's standards ask that the
 * repository be updated at least twice a year; the half-years show whether it was. Only what is public
 * already is read: published cycles (name, period, publication date), refresh schedules once published
 * and changes documents once published. No person is named.
 */
@Service
public class PublishedRecord {

    /** The plan 2022–2025 began in the first half of 2022. */
    static final LocalDate PLAN_START = LocalDate.of(2022, 1, 1);

    private final CycleQuery cycles;
    private final RefreshQuery refreshes;
    private final ServiceZone zone;

    PublishedRecord(CycleQuery cycles, RefreshQuery refreshes, ServiceZone zone) {
        this.cycles = cycles;
        this.refreshes = refreshes;
        this.zone = zone;
    }

    /** What was published. */
    public enum Kind {
        /** A reporting cycle's consolidated report, its page and open data. */
        CYCLE,
        /** A plan refresh's co-creation schedule. */
        SCHEDULE,
        /** A plan refresh's opinions with their responses and the changes-and-additions document. */
        CHANGES
    }

    /**
     * One publication. For a cycle {@code from} and {@code to} are its reporting period and {@code name}
     * its name; for a refresh they are its co-creation dates and {@code name} is null.
     */
    public record Publication(LocalDate date, Kind kind, Long id, String name, LocalDate from, LocalDate to) {
    }

    /** A half-year ({@code half} 1 or 2) with what was published in it. */
    public record HalfYear(int year, int half, List<Publication> publications) {

        public boolean published() {
            return !publications.isEmpty();
        }

        boolean holds(LocalDate date) {
            return date.getYear() == year && (date.getMonthValue() <= 6 ? 1 : 2) == half;
        }
    }

    /** The repository: the publications newest first, the last update (null for none) and the half-years. */
    public record Repository(List<Publication> publications, LocalDate lastUpdate, List<HalfYear> halfYears) {
    }

    public Repository repository() {
        List<Publication> all = new ArrayList<>();
        for (ReportingCycle cycle : cycles.published()) {
            all.add(new Publication(day(cycle.getPublishedAt()), Kind.CYCLE, cycle.getId(), cycle.getName(),
                    cycle.getPeriodFrom(), cycle.getPeriodTo()));
        }
        for (PlanRefresh refresh : refreshes.list()) {
            if (refresh.getSchedulePublishedAt() != null) {
                all.add(refreshPublication(refresh, refresh.getSchedulePublishedAt(), Kind.SCHEDULE));
            }
            if (refresh.getOpinionsPublishedAt() != null) {
                all.add(refreshPublication(refresh, refresh.getOpinionsPublishedAt(), Kind.CHANGES));
            }
        }
        all.sort(Comparator.comparing(Publication::date).thenComparing(Publication::kind)
                .thenComparing(Publication::id).reversed());
        LocalDate lastUpdate = all.isEmpty() ? null : all.get(0).date();
        return new Repository(all, lastUpdate, halfYears(all, zone.today()));
    }

    private Publication refreshPublication(PlanRefresh refresh, Instant at, Kind kind) {
        return new Publication(day(at), kind, refresh.getId(), null, refresh.getCoCreationStart(),
                refresh.getCoCreationEnd());
    }

    /** Each half-year from the plan's start to the one of today, oldest first. */
    static List<HalfYear> halfYears(List<Publication> publications, LocalDate today) {
        List<HalfYear> halves = new ArrayList<>();
        for (LocalDate start = PLAN_START; !start.isAfter(today); start = start.plusMonths(6)) {
            HalfYear empty = new HalfYear(start.getYear(), start.getMonthValue() == 1 ? 1 : 2, List.of());
            halves.add(new HalfYear(empty.year(), empty.half(),
                    publications.stream().filter(p -> empty.holds(p.date())).toList()));
        }
        return halves;
    }

    private LocalDate day(Instant at) {
        return zone.local(at).toLocalDate();
    }
}
