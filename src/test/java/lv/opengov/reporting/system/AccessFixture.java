package lv.opengov.reporting.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.refresh.OpinionService;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import lv.opengov.reporting.support.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the access matrix calls against: an open cycle with VK's and VAS's report tasks (a comment and
 * an attachment on VK's), a published cycle, a plan refresh with a registered opinion, and a supply of
 * VK's report tasks for the calls that change or end one.
 */
final class AccessFixture {

    /** The name of the users and deployments the allowed calls create, removed when the test ends. */
    static final String PROBE = "matrix-probe";

    private static final List<String> INSTITUTIONS = List.of("VK", "VAS");

    private final CycleFixture cycles;
    private final RefreshService refreshes;
    private final OpinionService opinions;
    private final ServiceZone zone;
    private final PlanService plan;
    private final Outbox outbox;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    private final Map<String, String> values = new HashMap<>();
    private final Deque<Task> spares = new ArrayDeque<>();
    private Task spare;
    private final Map<String, Set<String>> markers = new HashMap<>();
    /** What an institution sees of others' reports it contributes to: their titles, processes and its own tasks. */
    private final Map<String, Set<String>> contributing = new HashMap<>();

    AccessFixture(CycleFixture cycles, CycleService cycleService, RefreshService refreshes, OpinionService opinions,
            ServiceZone zone, PlanService plan, Outbox outbox, ProcessEngine engine, JdbcTemplate jdbc) {
        this.cycles = cycles;
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.zone = zone;
        this.plan = plan;
        this.outbox = outbox;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    AccessFixture build() throws Exception {
        ReportingCycle published = cycles.openCycle("Piekļuves pārbaude: publicēta");
        Long publishedVkReport = cycles.reportId(published, "4.3");
        values.put("publishedVkReport", publishedVkReport.toString());
        values.put("publicEvidence", cycles.attach(publishedVkReport, "vk", "Dialogu protokols.pdf",
                EvidenceSamples.pdf("Minutes"), true).id().toString());
        cycles.submit(published, "4.3", "vk", CycleFixture.report("COMPLETE", "Dialogi notikuši."));
        cycles.review(published, "4.3", Map.of("decision", "ACCEPT"));
        cycles.publish(published);
        var management = engine.getManagementService();
        var tasks = engine.getTaskService();
        values.put("publishedCycleId", published.getId().toString());
        values.put("absentDay", "2099-01-05");

        ReportingCycle open = cycles.openCycle("Piekļuves pārbaude");
        values.put("cycleId", open.getId().toString());
        List<Task> vk = submitTasks(open, "VK");
        // a measure of VK's that VAS has no part in: a contributor may see the report it contributes to
        Task vkTask = vk.stream().filter(t -> code(t).equals("1.2")).findFirst().orElseThrow();
        Task vasTask = submitTasks(open, "VAS").get(0);
        values.put("vkTask", vkTask.getId());
        values.put("vkInstance", vkTask.getProcessInstanceId());
        values.put("vkMeasure", code(vkTask));
        Long vkReport = cycles.reportId(open, code(vkTask));
        values.put("vkReport", vkReport.toString());
        values.put("vkEvidence", cycles.attach(vkReport, "vk", "Pierādījums.png", EvidenceSamples.png(), false)
                .id().toString());
        values.put("vasTask", vasTask.getId());
        values.put("vasInstance", vasTask.getProcessInstanceId());
        values.put("vasMeasure", code(vasTask));
        spares.addAll(vk.subList(1, vk.size()));
        values.put("vkComment", tasks.createComment(vkTask.getId(), vkTask.getProcessInstanceId(),
                "Piezīme par atskaiti.").getId());
        values.put("vkAttachment", tasks.createAttachment("text/plain", vkTask.getId(),
                vkTask.getProcessInstanceId(), "pierādījums.txt", "Pierādījums",
                new ByteArrayInputStream("Pierādījums".getBytes(StandardCharsets.UTF_8))).getId());
        values.put("outboxId", String.valueOf(outbox.listForCycle(open.getId()).get(0).getId()));

        String start = zone.today().plusDays(30).toString();
        PlanRefresh refresh = refreshes.start(new RefreshService.RefreshRequest(start,
                zone.today().plusDays(60).toString(), zone.today().plusDays(90).toString()), "coordinator");
        Task schedule = tasks.createTaskQuery().processInstanceId(refresh.getProcessInstanceId())
                .taskDefinitionKey(PlanRefreshProcess.TASK_SCHEDULE).singleResult();
        ProcessTestSupport.as(engine.getIdentityService(), "coordinator", () -> {
            tasks.complete(schedule.getId(), Map.of("schedule", "12. maijā — atklātā sanāksme."));
            return null;
        });
        management.executeJob(management.createJobQuery().processInstanceId(refresh.getProcessInstanceId())
                .activityId(PlanRefreshProcess.ACTIVITY_PUBLISH_SCHEDULE).singleResult().getId());
        values.put("refreshId", refresh.getId().toString());
        values.put("opinionId", opinions.register(refresh.getId(), new OpinionService.OpinionRequest(
                "Biedrība", "valde@example.org", "3.2", null, "Iekļaujiet jauniešus.", null, "EMAIL"),
                "coordinator").getId().toString());
        collectMarkers();
        return this;
    }

    /** The path or body with its placeholders filled in; {@code {spareVkTask}} is a VK task no call has changed. */
    String fill(String template, String caller) {
        String filled = template.replace("{caller}", caller);
        if (filled.contains("{spareVkTask}") || filled.contains("{spareVkInstance}")) {
            Task task = spare();
            filled = filled.replace("{spareVkTask}", task.getId()).replace("{spareVkInstance}",
                    task.getProcessInstanceId());
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (filled.matches(".*\\{[A-Za-z]+}.*")) {
            throw new IllegalArgumentException("Unknown placeholder in " + template);
        }
        return filled;
    }

    /** The spare task was changed or ended by a call: the next call takes another. */
    void spareUsed() {
        spare = null;
    }

    private Task spare() {
        if (spare == null) {
            if (spares.isEmpty()) {
                try {
                    ReportingCycle more = cycles.openCycle("Piekļuves pārbaude: rezerve");
                    spares.addAll(submitTasks(more, "VK"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                collectMarkers();
            }
            spare = spares.pop();
        }
        return spare;
    }

    /**
     * Text that must not appear in an answer to the caller: the items of institutions it does not act
     * for, except what it sees as a contributor to their reports (the measure, its process and its own
     * contribute-report task; never the responsible institution's tasks).
     */
    Set<String> foreignMarkers(String caller) {
        Set<String> foreign = new LinkedHashSet<>();
        for (String institution : INSTITUTIONS) {
            if (!institution.toLowerCase(Locale.ROOT).equals(caller)) {
                foreign.addAll(markers.get(institution));
            }
        }
        foreign.removeAll(contributing.getOrDefault(caller.toUpperCase(Locale.ROOT), Set.of()));
        return foreign;
    }

    /** Everything a refused call could have changed, table by table. */
    Map<String, Integer> state() {
        Map<String, Integer> state = new TreeMap<>();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where "
                + "table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
        for (String table : tables) {
            String upper = table.toUpperCase(Locale.ROOT);
            boolean engineTable = upper.startsWith("ACT_");
            if (upper.startsWith("FLYWAY") || engineTable && !ENGINE_TABLES.contains(upper)) {
                continue;
            }
            String columns = upper.equals("ACT_ID_USER") ? "ID_, FIRST_, LAST_, EMAIL_, PWD_" : "*";
            List<String> rows = new ArrayList<>(jdbc.query("select " + columns + " from \"" + table + "\"",
                    (rs, n) -> {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        return row.toString();
                    }));
            rows.sort(null);
            state.put(table, rows.hashCode());
        }
        return state;
    }

    private static final Set<String> ENGINE_TABLES = Set.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
            "ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION", "ACT_RU_INCIDENT",
            "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_ID_USER",
            "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP");

    /** Removes what the allowed calls created that would outlive this test's context. */
    void cleanUp() {
        var identity = engine.getIdentityService();
        identity.createUserQuery().list().stream().filter(u -> u.getId().startsWith(PROBE))
                .forEach(u -> identity.deleteUser(u.getId()));
        var repository = engine.getRepositoryService();
        repository.createDeploymentQuery().deploymentName(PROBE).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private List<Task> submitTasks(ReportingCycle cycle, String institution) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId()))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT)
                .taskCandidateGroup("inst-" + institution.toLowerCase(Locale.ROOT))
                .orderByTaskId().asc().list().stream()
                .sorted(java.util.Comparator.comparing(this::code)).toList();
    }

    private String code(Task task) {
        return MeasureReportProcess.measureCodeOf(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    }

    /** Ids, business keys and titles of each institution's reports, in every cycle. */
    private void collectMarkers() {
        Map<String, String> responsible = new LinkedHashMap<>();
        Map<String, Set<String>> collected = new HashMap<>();
        for (String institution : INSTITUTIONS) {
            Set<String> own = new LinkedHashSet<>();
            String lower = institution.toLowerCase(Locale.ROOT);
            own.add("\"institution\":\"" + institution + "\"");
            own.add("\"id\":\"" + lower + "\"");
            own.add("\"id\":\"inst-" + lower + "\"");
            collected.put(institution, own);
        }
        Map<String, Set<String>> shared = new HashMap<>();
        Map<String, List<String>> contributorsOf = new HashMap<>();
        for (MeasureView measure : plan.listMeasures()) {
            responsible.put(measure.code(), measure.responsible());
            contributorsOf.put(measure.code(), measure.contributors());
            if (collected.containsKey(measure.responsible())) {
                for (String title : new String[] {measure.titleLv(), measure.titleEn()}) {
                    if (title != null && !title.isBlank()) {
                        collected.get(measure.responsible()).add(titleMarker(title));
                        measure.contributors().forEach(c -> shared.computeIfAbsent(c, k -> new LinkedHashSet<>())
                                .add(titleMarker(title)));
                    }
                }
            }
        }
        var history = engine.getHistoryService();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(MeasureReportProcess.KEY).list()) {
            String code = MeasureReportProcess.measureCodeOf(instance.getBusinessKey());
            Set<String> own = collected.get(responsible.get(code));
            if (own == null) {
                continue;
            }
            own.add(instance.getId());
            own.add("\"" + instance.getBusinessKey() + "\"");
            for (String contributor : contributorsOf.getOrDefault(code, List.of())) {
                shared.computeIfAbsent(contributor, k -> new LinkedHashSet<>()).add(instance.getId());
            }
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                own.add(task.getId());
                if (MeasureReportProcess.TASK_CONTRIBUTE.equals(task.getTaskDefinitionKey()) && task.getEndTime() == null) {
                    // the contributor's own task, by the group it was given
                    engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                            .map(link -> link.getGroupId()).filter(java.util.Objects::nonNull)
                            .map(group -> group.substring(group.indexOf('-') + 1).toUpperCase(Locale.ROOT))
                            .forEach(c -> shared.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(task.getId()));
                }
            }
        }
        collected.get("VK").add(values.get("vkComment"));
        collected.get("VK").add(values.get("vkAttachment"));
        markers.clear();
        markers.putAll(collected);
        contributing.clear();
        contributing.putAll(shared);
    }

    private static String titleMarker(String title) {
        String marker = title.strip();
        marker = marker.length() > 40 ? marker.substring(0, 40) : marker;
        int cut = marker.length();
        for (char c : new char[] {'"', '\'', '&', '<', '>', '„', '“', '”'}) {
            int at = marker.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return marker.substring(0, cut).strip();
    }
}
