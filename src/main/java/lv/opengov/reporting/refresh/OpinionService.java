package lv.opengov.reporting.refresh;

import lv.opengov.reporting.refresh.internal.OpinionRepository;

import static lv.opengov.reporting.common.TextRules.LINE_BREAK_OR_CONTROL;
import static lv.opengov.reporting.common.TextRules.MARKUP;
import static lv.opengov.reporting.common.TextRules.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.notification.EmailAddresses;
import lv.opengov.reporting.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opinions on a refresh: sent by the public while co-creation is open, registered by coordinators
 * when they came by email or at a meeting, and each answered with a reasoned response until the
 * opinions are published.
 */
@Service
@Transactional
public class OpinionService {

    private final OpinionRepository opinions;
    private final RefreshQuery refreshes;
    private final PlanService plan;
    private final RefreshMessages messages;
    private final ServiceZone zone;
    private final Clock clock;

    OpinionService(OpinionRepository opinions, RefreshQuery refreshes, PlanService plan, RefreshMessages messages,
            ServiceZone zone, Clock clock) {
        this.opinions = opinions;
        this.refreshes = refreshes;
        this.plan = plan;
        this.messages = messages;
        this.zone = zone;
        this.clock = clock;
    }

    /** An opinion, as received from the public page, the API or a coordinator. */
    public record OpinionRequest(String author, String email, String measureCode, String proposalTitle, String text,
            String website, String channel) {
    }

    /** An opinion from the public: only while co-creation is open; the email is kept but never shown. */
    public Opinion submit(Long refreshId, OpinionRequest request) {
        PlanRefresh refresh = refreshes.find(refreshId);
        if (request.website() != null && !request.website().isBlank()) {
            throw new InvalidInputException("honeypot",
                    List.of(messages.problem("website", "refresh.opinion.rejected")));
        }
        Opinion opinion = checked(refreshId, request, Opinion.Channel.WEB, null);
        if (!refresh.isOpenForOpinions(zone.today())) {
            throw new RefreshConflictException(messages.get("refresh.opinion.closed", refresh.getCoCreationStart(),
                    refresh.getCoCreationEnd()));
        }
        // a form sent twice (a double click, a reload) is one opinion
        if (opinions.existsByRefreshIdAndChannelAndText(refreshId, Opinion.Channel.WEB, opinion.getText())) {
            throw new RefreshConflictException(messages.get("refresh.opinion.duplicate"));
        }
        return opinions.save(opinion);
    }

    /** An opinion that came by email or at a meeting, registered by a coordinator until the responses are done. */
    public Opinion register(Long refreshId, OpinionRequest request, String userId) {
        PlanRefresh refresh = refreshes.find(refreshId);
        Opinion.Channel channel;
        try {
            channel = request.channel() == null ? Opinion.Channel.EMAIL
                    : Opinion.Channel.valueOf(request.channel().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", List.of(messages.problem("channel", "refresh.opinion.channel")));
        }
        Opinion opinion = checked(refreshId, request, channel, userId);
        if (refresh.getStatus() != RefreshStatus.COLLECTING_OPINIONS && refresh.getStatus() != RefreshStatus.RESPONDING) {
            throw new RefreshConflictException(messages.get("refresh.status", refresh.getStatus()));
        }
        return opinions.save(opinion);
    }

    private Opinion checked(Long refreshId, OpinionRequest request, Opinion.Channel channel, String userId) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            problems.add(messages.problem("text", "refresh.opinion.text.required"));
        } else if (text.length() > 5000) {
            problems.add(messages.problem("text", "report.text.too-long", 5000, text.length()));
        }
        for (Map.Entry<String, String> field : fields(request).entrySet()) {
            if (field.getValue() != null && MARKUP.matcher(field.getValue()).find()) {
                problems.add(messages.problem(field.getKey(), "refresh.markup"));
            }
        }
        String email = blankToNull(request.email());
        if (email != null && !EmailAddresses.isValid(email)) {
            problems.add(messages.problem("email", "import.email.invalid", email));
        }
        String author = blankToNull(request.author());
        if (author != null && author.length() > 200) {
            problems.add(messages.problem("author", "report.text.too-long", 200, author.length()));
        } else if (author != null && LINE_BREAK_OR_CONTROL.matcher(author).find()) {
            problems.add(messages.problem("author", "refresh.author.one-line"));
        }
        String measure = blankToNull(request.measureCode());
        String proposal = blankToNull(request.proposalTitle());
        if (measure != null && !plan.measureIdsByCode().containsKey(measure)) {
            problems.add(messages.problem("measureCode", "import.measure.unknown", measure));
        }
        if (measure == null && proposal == null) {
            problems.add(messages.problem("measureCode", "refresh.opinion.subject"));
        }
        if (proposal != null && proposal.length() > 500) {
            problems.add(messages.problem("proposalTitle", "report.text.too-long", 500, proposal.length()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid opinion", problems);
        }
        return new Opinion(refreshId, channel, author, email, measure, proposal, text, userId, clock.instant());
    }

    private static Map<String, String> fields(OpinionRequest request) {
        Map<String, String> fields = new HashMap<>();
        fields.put("text", request.text());
        fields.put("author", request.author());
        fields.put("proposalTitle", request.proposalTitle());
        return fields;
    }

    /** A reasoned response to one opinion. */
    public Opinion respond(Long refreshId, Long opinionId, String response, String reason, String userId) {
        PlanRefresh refresh = refreshes.find(refreshId);
        Opinion opinion = opinions.findById(opinionId).filter(o -> o.getRefreshId().equals(refreshId))
                .orElseThrow(() -> new NotFoundException(messages.get("refresh.opinion.unknown", opinionId)));
        List<FieldProblem> problems = new ArrayList<>();
        Opinion.Response value = null;
        try {
            value = Opinion.Response.valueOf(response == null ? "" : response.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(messages.problem("response", "refresh.response.invalid", response));
        }
        String why = blankToNull(reason);
        if (why == null) {
            problems.add(messages.problem("reason", "refresh.response.reason"));
        } else if (why.length() > 5000) {
            problems.add(messages.problem("reason", "report.text.too-long", 5000, why.length()));
        } else if (MARKUP.matcher(why).find()) {
            problems.add(messages.problem("reason", "refresh.markup"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid response", problems);
        }
        if (refresh.getOpinionsPublishedAt() != null) {
            throw new RefreshConflictException(messages.get("refresh.status", refresh.getStatus()));
        }
        opinion.respond(value, why, userId, clock.instant());
        return opinion;
    }
}
