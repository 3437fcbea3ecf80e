package lv.opengov.reporting.audit;

import lv.opengov.reporting.audit.internal.AuditEntryRepository;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.ServiceZone;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log, newest first, narrowed to what the current user may see: coordinators every
 * entry; reviewers the entries on reports; institution users the entries about their own institutions
 * (they cannot ask for another's); the board and anyone else nothing.
 */
@Service
@Transactional(readOnly = true)
public class AuditQuery {

    public static final int PAGE_SIZE = 100;
    /** The most rows one export holds; a narrower filter gets the rest. */
    public static final int EXPORT_LIMIT = 100_000;
    private static final int EXPORT_BATCH = 1_000;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEntryRepository entries;
    private final Access access;
    private final MessageSource messages;
    private final ServiceZone zone;

    AuditQuery(AuditEntryRepository entries, Access access, MessageSource messages, ServiceZone zone) {
        this.entries = entries;
        this.access = access;
        this.messages = messages;
        this.zone = zone;
    }

    static final int MAX_PAGE = 1_000_000;

    /** A checked filter: every field optional; the dates are days in Riga, both included; pages count from 1. */
    public record Filter(AuditAction action, String actor, Long cycleId, String institution, LocalDate from,
            LocalDate to, int page) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, 1);
        }
    }

    /** One entry as shown. */
    public record Entry(Long id, Instant occurredAt, String actor, AuditAction action, Long cycleId,
            String measureCode, String institutionCode, String subject, String details) {
    }

    /**
     * A page of entries. {@code onlyInstitutions} and {@code onlyReports} say how the caller's view is
     * narrowed, so that the page can say so.
     */
    public record Result(List<Entry> entries, int page, int pageSize, long total, boolean hasNext,
            List<String> onlyInstitutions, boolean onlyReports) {
    }

    /** What the current user may see, whatever the filter. */
    private record Scope(List<String> institutions, Set<AuditAction> actions) {
    }

    /**
     * Checks the filter as received.
     *
     * @throws InvalidInputException naming each bad field
     */
    public Filter parse(String action, String actor, String cycle, String institution, String from, String to,
            String page) {
        List<FieldProblem> problems = new ArrayList<>();
        AuditAction parsedAction = null;
        if (!blank(action)) {
            try {
                parsedAction = AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem("action", "audit.filter.action.invalid", action));
            }
        }
        String parsedActor = blank(actor) ? null : actor.strip();
        if (parsedActor != null && parsedActor.length() > AuditEntry.ACTOR_LENGTH) {
            problems.add(problem("actor", "audit.filter.too-long", AuditEntry.ACTOR_LENGTH));
        }
        Long cycleId = null;
        if (!blank(cycle)) {
            try {
                cycleId = Long.valueOf(cycle.strip());
            } catch (NumberFormatException e) {
                problems.add(problem("cycle", "audit.filter.cycle.invalid", cycle));
            }
        }
        String code = blank(institution) ? null : institution.strip().toUpperCase(Locale.ROOT);
        if (code != null && code.length() > AuditEntry.CODE_LENGTH) {
            problems.add(problem("institution", "audit.filter.too-long", AuditEntry.CODE_LENGTH));
        }
        LocalDate fromDate = InputDates.read("from", from, problems, messages);
        LocalDate toDate = InputDates.read("to", to, problems, messages);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(problem("to", "audit.filter.dates.order", fromDate));
        }
        int pageNo = 1;
        if (!blank(page)) {
            try {
                pageNo = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageNo = 0;
            }
            // beyond this no page can hold entries, and its offset would overflow
            if (pageNo < 1 || pageNo > MAX_PAGE) {
                problems.add(problem("page", "audit.filter.page.invalid", page));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid audit filter", problems);
        }
        return new Filter(parsedAction, parsedActor, cycleId, code, fromDate, toDate, pageNo);
    }

    /**
     * One page of the entries the filter and the current user's rights select.
     *
     * @throws AccessDeniedException for a user who may see none, or who asks for another institution
     */
    public Result search(Filter filter) {
        Scope scope = scope(filter);
        Page<AuditEntry> page = entries.findAll(specification(filter, scope),
                PageRequest.of(filter.page() - 1, PAGE_SIZE, NEWEST_FIRST));
        return new Result(page.getContent().stream().map(AuditQuery::entry).toList(), filter.page(), PAGE_SIZE,
                page.getTotalElements(), page.hasNext(), scope.institutions(), scope.actions() != null);
    }

    /** Every entry the filter selects (its page ignored), newest first, up to {@link #EXPORT_LIMIT}. */
    public void export(Filter filter, Consumer<Entry> each) {
        Scope scope = scope(filter);
        Specification<AuditEntry> specification = specification(filter, scope);
        for (int batch = 0; batch * EXPORT_BATCH < EXPORT_LIMIT; batch++) {
            Page<AuditEntry> page = entries.findAll(specification, PageRequest.of(batch, EXPORT_BATCH, NEWEST_FIRST));
            page.getContent().forEach(e -> each.accept(entry(e)));
            if (!page.hasNext()) {
                return;
            }
        }
    }

    /**
     * Every entry, oldest first, for coordinators: the end-of-plan package's log, which no export limit
     * cuts short. Read in batches by id, each in a transaction of its own, so that the entries read
     * before are not kept in memory and an entry written meanwhile is neither skipped nor read twice.
     *
     * @throws AccessDeniedException for anyone but a coordinator or an administrator
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void everything(Consumer<Entry> each) {
        if (!access.isCoordinator()) {
            throw new AccessDeniedException("the whole audit log is for coordinators");
        }
        long after = 0;
        while (true) {
            long last = after;
            Specification<AuditEntry> next = (root, query, cb) -> cb.greaterThan(root.get("id"), last);
            List<AuditEntry> batch = entries.findBy(next, q -> q.sortBy(Sort.by("id")).limit(EXPORT_BATCH).all());
            batch.forEach(e -> each.accept(entry(e)));
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    private Scope scope(Filter filter) {
        if (access.isCoordinator()) {
            return new Scope(null, null);
        }
        if (access.isReviewer()) {
            // the same rule as for the reports themselves: reviewers see every institution's
            return new Scope(access.visibleInstitutions(), AuditAction.REPORT_ACTIONS);
        }
        List<String> own = access.institutionCodes();
        if (own.isEmpty()) {
            throw new AccessDeniedException("no audit entries for this user");
        }
        if (filter.institution() != null && !own.contains(filter.institution())) {
            throw new AccessDeniedException("another institution's audit entries");
        }
        return new Scope(own, null);
    }

    private Specification<AuditEntry> specification(Filter filter, Scope scope) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            if (scope.actions() != null) {
                where.add(root.get("action").in(scope.actions()));
            }
            if (filter.actor() != null) {
                where.add(cb.equal(cb.lower(root.get("actor")), filter.actor().toLowerCase(Locale.ROOT)));
            }
            if (filter.cycleId() != null) {
                where.add(cb.equal(root.get("cycleId"), filter.cycleId()));
            }
            if (filter.institution() != null) {
                where.add(cb.equal(root.get("institutionCode"), filter.institution()));
            }
            if (scope.institutions() != null) {
                where.add(root.get("institutionCode").in(scope.institutions()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), zone.startOf(filter.from())));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), zone.startOf(filter.to().plusDays(1))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Entry entry(AuditEntry e) {
        return new Entry(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getCycleId(), e.getMeasureCode(),
                e.getInstitutionCode(), e.getSubject(), e.getDetails());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, messages.getMessage(code, args, LocaleContextHolder.getLocale()));
    }
}
