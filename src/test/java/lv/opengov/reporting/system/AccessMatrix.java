package lv.opengov.reporting.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Who may call what: the table in {@code security/access-matrix.csv}, read by {@link AccessMatrixTest}
 * and rendered into {@code docs/security.md} by {@link SecurityDocTest}, so the two cannot drift.
 */
final class AccessMatrix {

    static final String RESOURCE = "/security/access-matrix.csv";

    /** The callers, in the table's column order. Each demo user's password is its id. */
    static final List<String> CALLERS = List.of("anonymous", "admin", "coordinator", "reviewer", "board", "vk", "vas");

    /** The areas, in the document's order, with their headings. */
    static final Map<String, String> AREAS = areas();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    private AccessMatrix() {
    }

    /**
     * What a caller must get: one of the statuses ({@code 403|404}, {@code 4xx} for any client error,
     * {@code login} for a redirect to the login page), and with {@code own} a body that names none of the
     * items the caller may not see.
     */
    record Outcome(String text, List<String> statuses, boolean ownOnly) {

        static Outcome parse(String text) {
            String[] parts = text.strip().split(":", 2);
            boolean own = parts.length == 2;
            if (own && !parts[1].equals("own")) {
                throw new IllegalArgumentException("Unknown outcome class '" + parts[1] + "' in '" + text + "'");
            }
            List<String> statuses = Arrays.asList(parts[0].split("\\|"));
            for (String status : statuses) {
                if (!status.matches("[1-5]\\d\\d|4xx|login")) {
                    throw new IllegalArgumentException("Unknown outcome '" + status + "' in '" + text + "'");
                }
            }
            return new Outcome(text.strip(), statuses, own);
        }

        boolean allows(int status, String location) {
            for (String expected : statuses) {
                if (expected.equals("login") ? status == 302 && location != null && location.endsWith("/login")
                        : expected.equals("4xx") ? status >= 400 && status < 500
                        : Integer.parseInt(expected) == status) {
                    return true;
                }
            }
            return false;
        }

        /** Refused: whatever the call would have changed must be as it was. */
        boolean refuses() {
            return statuses.stream().allMatch(s -> s.equals("login") || s.startsWith("4"));
        }

        String rendered() {
            String statusText = statuses.stream().map(s -> s.equals("login") ? "→ login" : s)
                    .collect(Collectors.joining(" or "));
            return ownOnly ? statusText + ", own only" : statusText;
        }
    }

    /** A row: a route, what it is, the expected outcome per caller, and today's known gap if any. */
    record Row(int line, String area, String method, String path, String body, String what,
            Map<String, Outcome> expected, Set<String> gapCallers, String gap) {

        /** The reason a caller's cell is skipped today, or null. */
        String gapFor(String caller) {
            return gap != null && gapCallers.contains(caller) ? gap : null;
        }

        /** The path with its placeholders and query left out, for comparing with handler mappings. */
        String pattern() {
            String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return PLACEHOLDER.matcher(withoutQuery).replaceAll("{}");
        }

        String name() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        try (InputStream in = AccessMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> parse(Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord record : format.parse(reader)) {
            String area = record.get("area");
            if (!AREAS.containsKey(area)) {
                throw new IllegalArgumentException("Line " + record.getRecordNumber() + ": unknown area " + area);
            }
            Map<String, Outcome> expected = new LinkedHashMap<>();
            for (String caller : CALLERS) {
                expected.put(caller, Outcome.parse(record.get(caller)));
            }
            String gapText = record.get("known-gap").strip();
            Set<String> gapCallers = Set.of();
            String gap = null;
            if (!gapText.isEmpty()) {
                // "vk+vas: reason" skips those callers' cells; a reason alone skips the whole row
                int colon = gapText.indexOf(':');
                String who = colon < 0 ? "" : gapText.substring(0, colon).strip();
                if (!who.isEmpty() && Arrays.stream(who.split("\\+")).allMatch(CALLERS::contains)) {
                    gapCallers = Set.of(who.split("\\+"));
                    gap = gapText.substring(colon + 1).strip();
                } else {
                    gapCallers = Set.copyOf(CALLERS);
                    gap = gapText;
                }
            }
            rows.add(new Row((int) record.getRecordNumber() + 1, area, record.get("method").toUpperCase(Locale.ROOT),
                    record.get("path"), record.get("body"), record.get("what"), expected, gapCallers, gap));
        }
        return rows;
    }

    /** docs/security.md, from the table. */
    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("# Who may call what\n\n");
        out.append("""
                This document is generated from `src/test/resources/security/access-matrix.csv`, the same table that
                `AccessMatrixTest` walks: every route of the project's API, its pages, the public pages and open data,
                the exports and files, and the engine REST resources that hold data, called as each kind of caller
                against a running application. Do not edit it by hand; change the table and regenerate it with

                ```sh
                ./mvnw test -Dtest=SecurityDocTest -Dsecurity.doc.write=true
                ```

                The callers are the demo users (password = user id), one for each role:

                | caller | group | role |
                |---|---|---|
                | anonymous | — | no login: the public pages, open data and sending an opinion on a plan refresh |
                | `admin` | `camunda-admin` | everything, including deployments, users and deleting process instances |
                | `coordinator` | `coordinators` | the State Chancellery: reads everything about cycles, starts, extends and closes them, imports the plan, runs plan refreshes |
                | `reviewer` | `reviewers` | accepts or returns reports: works `review-report` tasks only |
                | `board` | `board` | the supervisory board: reads the published overviews |
                | `vk`, `vas` | `inst-vk`, `inst-vas` | an institution (one group `inst-<code>` each): sees and works only its own institution's reports and tasks |

                A cell is the HTTP status the caller gets. "→ login" is a redirect to the login page; "own only"
                means the answer lists only the caller's own institution's items (for a list in the engine's REST
                API, nothing at all for a caller with no tasks of its own); "403 or 404" means the route answers
                either, and no data. A call meant to be refused is sent with a request that would be refused
                anyway where the caller could make it (for example a cycle with no dates), and the test checks
                that nothing changed. A cell marked ⚠ is where today's application does not yet answer so: the
                test skips it and names the reason, listed under the table.

                A name in braces is an item of the test's fixture: `{cycleId}` a cycle collecting reports,
                `{publishedCycleId}` a published one, `{vkTask}` and `{vasTask}` each institution's open
                `submit-report` task (`{vkInstance}` its process), `{vkComment}` and `{vkAttachment}` a comment and
                a file on VK's task, `{refreshId}` and `{opinionId}` a plan refresh and an opinion on it. A call that
                may change or end a task gets `{spareVkTask}`, another open task of VK's that no earlier call changed.
                `{vkReport}` is the report of `{vkTask}` and `{vkEvidence}` an evidence file attached to it (not
                public); `{publishedVkReport}` is VK's accepted report in the published cycle and `{publicEvidence}`
                a file attached to it that VK marked public.

                """);
        for (Map.Entry<String, String> area : AREAS.entrySet()) {
            List<Row> inArea = rows.stream().filter(r -> r.area().equals(area.getKey())).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            out.append("## ").append(area.getValue()).append("\n\n");
            out.append("| route | what |");
            CALLERS.forEach(c -> out.append(' ').append(c).append(" |"));
            out.append("\n|---|---|");
            CALLERS.forEach(c -> out.append("---|"));
            out.append('\n');
            List<String> gaps = new ArrayList<>();
            for (Row row : inArea) {
                out.append("| `").append(row.method()).append(' ').append(escape(row.path())).append("` | ")
                        .append(escape(row.what())).append(" |");
                for (String caller : CALLERS) {
                    out.append(' ').append(row.expected().get(caller).rendered());
                    if (row.gapFor(caller) != null) {
                        out.append(" ⚠");
                    }
                    out.append(" |");
                }
                out.append('\n');
                if (row.gap() != null) {
                    gaps.add("`" + row.name() + "` (" + CALLERS.stream().filter(row.gapCallers()::contains)
                            .collect(Collectors.joining(", ")) + "): " + row.gap());
                }
            }
            out.append('\n');
            if (!gaps.isEmpty()) {
                out.append("Known gaps:\n\n");
                gaps.forEach(g -> out.append("- ").append(escape(g)).append('\n'));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("api", "The project's API (`/api`)");
        areas.put("exports", "Exports and files");
        areas.put("pages", "Pages");
        areas.put("public", "Public pages and open data (`/public`)");
        areas.put("engine", "The engine's REST API (`/engine-rest`)");
        return areas;
    }
}
