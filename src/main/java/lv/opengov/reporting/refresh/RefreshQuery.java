package lv.opengov.reporting.refresh;

import lv.opengov.reporting.refresh.internal.OpinionRepository;
import lv.opengov.reporting.refresh.internal.PlanChangeRepository;
import lv.opengov.reporting.refresh.internal.PlanRefreshRepository;

import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.plan.PlanVersions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the refreshes: each with its opinions, its changes, the plan compared and the published document. */
@Service
@Transactional(readOnly = true)
public class RefreshQuery {

    private final PlanRefreshRepository refreshes;
    private final OpinionRepository opinions;
    private final PlanChangeRepository changes;
    private final PlanVersions versions;
    private final RefreshMessages messages;

    RefreshQuery(PlanRefreshRepository refreshes, OpinionRepository opinions, PlanChangeRepository changes,
            PlanVersions versions, RefreshMessages messages) {
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.changes = changes;
        this.versions = versions;
        this.messages = messages;
    }

    public PlanRefresh find(Long refreshId) {
        return refreshes.findById(refreshId).orElseThrow(() -> messages.unknownRefresh(refreshId));
    }

    /** The newest first. */
    public List<PlanRefresh> list() {
        return refreshes.findAllByOrderByCreatedAtDesc();
    }

    public List<Opinion> opinions(Long refreshId) {
        return opinions.findByRefreshIdOrderByReceivedAtAscIdAsc(refreshId);
    }

    public List<PlanChange> changes(Long refreshId) {
        return changes.findByRefreshIdOrderByRecordedAtAscIdAsc(refreshId);
    }

    /** The plan before the refresh and after it, measure by measure; empty until the changes are applied. */
    public List<PlanVersions.Difference> comparison(Long refreshId) {
        PlanRefresh refresh = find(refreshId);
        List<PlanVersions.Version> all = versions.versions();
        PlanVersions.Version after = refresh.getVersionId() == null ? null
                : all.stream().filter(v -> v.id() == refresh.getVersionId()).findFirst().orElse(null);
        if (after == null || after.number() < 2) {
            return List.of();
        }
        return versions.compare(after.number() - 1, after.number());
    }

    /** The changes document in Latvian or English; a conflict until the opinions and changes are published. */
    public String document(Long refreshId, Locale locale) {
        String document = find(refreshId).document(locale);
        if (document == null) {
            throw new RefreshConflictException(messages.get("refresh.document.none"));
        }
        return document;
    }
}
