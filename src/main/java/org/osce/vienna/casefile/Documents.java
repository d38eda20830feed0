package org.osce.vienna.casefile;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents kept with each case (vm_document): their bytes, and what the case lists of them. The
 * checks of what may be kept are {@link DocumentFile}'s; this stores what passed them.
 */
@Repository
public class Documents {

  private static final String LISTED = "id, case_reference, name, media_type, size_bytes, kind, sha256, added_at,"
      + " added_by";

  private final JdbcTemplate jdbc;

  public Documents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A document as the case lists it, without its bytes. */
  public record Document(String id, String caseReference, String name, String mediaType, long size,
      DocumentKind kind, String sha256, Instant addedAt, String addedBy) {
  }

  /** Keeps the checked file with the case, under a new random id; one statement, so all or nothing. */
  public Document add(String reference, DocumentFile file, DocumentKind kind, String addedBy, Instant addedAt) {
    Document document = new Document(UUID.randomUUID().toString(), reference, file.name(), file.mediaType(),
        file.content().length, kind, file.sha256(), addedAt, addedBy);
    jdbc.update("INSERT INTO vm_document (" + LISTED + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(), reference, document.name(), document.mediaType(), document.size(), kind.name(),
        document.sha256(), ts(addedAt), addedBy, file.content());
    return document;
  }

  /** The case's documents, oldest first. */
  public List<Document> of(String reference) {
    return jdbc.query("SELECT " + LISTED + " FROM vm_document WHERE case_reference = ? ORDER BY added_at, id",
        Documents::map, reference);
  }

  /** The document of this case with this id; empty when the case has none such. */
  public Optional<Document> find(String reference, String id) {
    return jdbc.query("SELECT " + LISTED + " FROM vm_document WHERE case_reference = ? AND id = ?", Documents::map,
        reference, id).stream().findFirst();
  }

  /** The bytes of a document found by {@link #find}. */
  public byte[] content(Document document) {
    return jdbc.queryForObject("SELECT content FROM vm_document WHERE id = ?", (rs, i) -> rs.getBytes(1),
        document.id());
  }

  private static Document map(ResultSet rs, int row) throws SQLException {
    return new Document(rs.getString("id"), rs.getString("case_reference"), rs.getString("name"),
        rs.getString("media_type"), rs.getLong("size_bytes"), DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("sha256"), instant(rs, "added_at"), rs.getString("added_by"));
  }
}
