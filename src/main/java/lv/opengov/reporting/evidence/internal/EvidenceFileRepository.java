package lv.opengov.reporting.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lv.opengov.reporting.evidence.EvidenceFile;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The evidence files in table {@code evidence_file}, through JDBC, so that no content passes through
 * memory whole. The content goes in as a stream of known length ({@code setBinaryStream}): H2 writes
 * it to its LOB store block by block, and the PostgreSQL driver copies it to the connection as it
 * reads it. It comes out as H2 reads a BLOB, a stream from its LOB store; PostgreSQL's driver would
 * read a {@code bytea} value whole, so there it comes out in slices of {@link #SLICE} bytes, one query
 * each (the column is stored uncompressed, so a slice is read without the rest). Listings never read
 * the content.
 */
@Repository
public class EvidenceFileRepository {

    /** The slice of content one query reads on PostgreSQL. */
    static final int SLICE = 1024 * 1024;

    private static final String COLUMNS = "f.id, f.report_id, f.revision_no, f.institution_code, f.file_name, "
            + "f.media_type, f.size_bytes, f.sha256, f.public_file, f.uploaded_by, f.uploaded_at";

    private static final RowMapper<EvidenceFile> FILE = EvidenceFileRepository::file;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    EvidenceFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file's row and its content, read from the stream to its end ({@code file.size()} bytes). */
    public long insert(EvidenceFile file, InputStream content) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into evidence_file (report_id, revision_no, institution_code, file_name, media_type,
                        size_bytes, sha256, public_file, uploaded_by, uploaded_at, content)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, file.reportId());
            insert.setInt(2, file.revisionNo());
            insert.setString(3, file.institution());
            insert.setString(4, file.fileName());
            insert.setString(5, file.mediaType());
            insert.setLong(6, file.size());
            insert.setString(7, file.sha256());
            insert.setBoolean(8, file.publicFile());
            insert.setString(9, file.uploadedBy());
            insert.setObject(10, OffsetDateTime.ofInstant(file.uploadedAt(), ZoneOffset.UTC));
            insert.setBinaryStream(11, content, file.size());
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<EvidenceFile> find(Long id) {
        try {
            return Optional.ofNullable(jdbc.queryForObject("select " + COLUMNS + " from evidence_file f where f.id = ?",
                    FILE, id));
        } catch (EmptyResultDataAccessException none) {
            return Optional.empty();
        }
    }

    /** A report's files, in the order they were attached. */
    public List<EvidenceFile> findByReport(Long reportId) {
        return jdbc.query("select " + COLUMNS + " from evidence_file f where f.report_id = ? order by f.id", FILE,
                reportId);
    }

    /**
     * The files of every report of a cycle, in one statement, by the code of the report's measure and in
     * the order they were attached.
     */
    public Map<String, List<EvidenceFile>> findByCycle(Long cycleId) {
        Map<String, List<EvidenceFile>> byMeasure = new LinkedHashMap<>();
        jdbc.query("select m.code, " + COLUMNS + " from evidence_file f join measure_report r on r.id = f.report_id "
                + "join measure m on m.id = r.measure_id where r.cycle_id = ? order by f.report_id, f.id",
                (ResultSet row) -> {
                    byMeasure.computeIfAbsent(row.getString("code"), code -> new ArrayList<>()).add(file(row, 0));
                }, cycleId);
        return byMeasure;
    }

    /** The files of the given reports, in one statement, in the order they were attached. */
    public List<EvidenceFile> findByReports(java.util.Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(reportIds.size(), "?"));
        return jdbc.query("select " + COLUMNS + " from evidence_file f where f.report_id in (" + marks
                + ") order by f.report_id, f.id", FILE, reportIds.toArray());
    }

    public int countByReport(Long reportId) {
        Integer count = jdbc.queryForObject("select count(*) from evidence_file where report_id = ?", Integer.class,
                reportId);
        return count == null ? 0 : count;
    }

    public int delete(Long id) {
        return jdbc.update("delete from evidence_file where id = ?", id);
    }

    /**
     * Copies the file's content to the stream.
     *
     * @throws IllegalStateException when the file is gone before all of it was read
     */
    public void copyContent(EvidenceFile file, OutputStream out) throws IOException {
        if (isPostgres()) {
            copyInSlices(file, out);
            return;
        }
        try {
            jdbc.query("select content from evidence_file where id = ?", (ResultSetExtractor<Void>) rows -> {
                if (!rows.next()) {
                    throw new IllegalStateException("Evidence file " + file.id() + " is gone");
                }
                try (InputStream content = rows.getBinaryStream(1)) {
                    content.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }, file.id());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void copyInSlices(EvidenceFile file, OutputStream out) throws IOException {
        for (long from = 0; from < file.size(); from += SLICE) {
            int length = (int) Math.min(SLICE, file.size() - from);
            List<byte[]> slice = jdbc.query("select substring(content from ? for ?) from evidence_file where id = ?",
                    (rows, n) -> rows.getBytes(1), Math.toIntExact(from + 1), length, file.id());
            if (slice.isEmpty() || slice.get(0).length != length) {
                throw new IllegalStateException("Evidence file " + file.id() + " is gone");
            }
            out.write(slice.get(0));
        }
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private static EvidenceFile file(ResultSet row, int n) throws SQLException {
        return new EvidenceFile(row.getLong("id"), row.getLong("report_id"), row.getInt("revision_no"),
                row.getString("institution_code"), row.getString("file_name"), row.getString("media_type"),
                row.getLong("size_bytes"), row.getString("sha256"), row.getBoolean("public_file"),
                row.getString("uploaded_by"), row.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
