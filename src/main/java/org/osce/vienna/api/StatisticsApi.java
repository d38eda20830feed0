package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.registry.Statistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's numbers per addressee State and year (contract: procedure.md, "The registry"), for the
 * cases the caller may see ({@link CaseVisibility}): JSON, or CSV for a spreadsheet. The definitions are
 * {@link Statistics}'s and docs/api.md's.
 */
@RestController
@RequestMapping(path = "/api/statistics")
@Tag(name = "Registry", description = "Statistics across the cases")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content(
    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
public class StatisticsApi {

  static final String CSV = "text/csv";
  /** The earliest year a case can have: the Helsinki Final Act was signed in 1975. */
  static final int FIRST_YEAR = 1975;

  private final Statistics statistics;
  private final CaseVisibility visibility;
  private final Deadlines deadlines;

  public StatisticsApi(Statistics statistics, CaseVisibility visibility, Deadlines deadlines) {
    this.statistics = statistics;
    this.visibility = visibility;
    this.deadlines = deadlines;
  }

  /** The answer: when it was counted (the deadlines passed by then count as "no reply"), and the rows. */
  public record StatisticsView(OffsetDateTime asOf, List<Statistics.Row> rows) {
  }

  @Operation(summary = "Statistics per addressee State and year", description = """
      For the cases the caller may see (managers and administrators: all; a delegation: those it leads or
      was invited to co-sign), one row per addressee State and year of delivery (Vienna time) with at
      least one invocation: invocations (letters delivered), replies on time (received by `responseDueAt`),
      late, none (registered as "no response received", or the deadline passed without a reply), still
      awaited; the median of the calendar days (Vienna) from delivery to the reply; the replies assessed,
      judged substantive and their share; each follow-up chosen (cases). Filters: `addresseeState`, `year`.
      JSON, or CSV (RFC 4180, a header row) when `Accept` names `text/csv`.""")
  @ApiResponse(responseCode = "200", description = "The rows, by addressee code and year",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = StatisticsView.class)), @Content(mediaType = CSV)})
  @ApiResponse(responseCode = "400", description = "An unknown State, a year that is not one, or an unknown parameter",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
  public ResponseEntity<?> statistics(
      @Parameter(example = "BY") @RequestParam(required = false) String addresseeState,
      @Parameter(example = "2021") @RequestParam(required = false) String year, HttpServletRequest request) {
    Map<String, String> errors = QueryParameters.unknown(request, "addresseeState", "year");
    Optional<String> addressee = QueryParameters.state(addresseeState, "addresseeState", errors);
    Optional<Integer> wantedYear = year(year, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Invalid query", errors);
    }
    Instant now = EngineClock.now();
    List<Statistics.Row> rows = statistics.rows(visibility.concerning(ApiAuthentication.caller(request)), addressee,
        wantedYear, now);
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.toLowerCase().contains(CSV)) {
      return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vienna-mechanism-statistics.csv\"")
          .body(csv(rows));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(new StatisticsView(now.atZone(deadlines.zone()).toOffsetDateTime(), rows));
  }

  private Optional<Integer> year(String value, Map<String, String> errors) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.strip();
    int latest = deadlines.year(EngineClock.now());
    if (!text.matches("\\d{4}")) {
      errors.put("year", "'" + value + "' is not a year (four digits, e.g. 2021)");
      return Optional.empty();
    }
    int y = Integer.parseInt(text);
    if (y < FIRST_YEAR || y > latest) {
      errors.put("year", y + " is not a year a case can have been delivered in: " + FIRST_YEAR + " (the Helsinki"
          + " Final Act) to " + latest);
      return Optional.empty();
    }
    return Optional.of(y);
  }

  /** The columns of the CSV: the JSON's fields in their order, each follow-up as {@code followUps.ACTION}. */
  static List<String> csvHeader() {
    List<String> header = new ArrayList<>(List.of("addresseeState", "addresseeName", "year", "invocations",
        "repliesOnTime", "repliesLate", "noReply", "awaitingReply", "supplementaryReplies", "medianDaysToReply",
        "assessed",
        "judgedSubstantive", "shareSubstantive"));
    for (FollowUpAction action : FollowUpAction.values()) {
      header.add("followUps." + action.name());
    }
    return header;
  }

  /** RFC 4180: CRLF after every record, the header first; a field with a comma, quote or line break quoted. */
  static String csv(List<Statistics.Row> rows) {
    StringBuilder out = new StringBuilder();
    record(out, csvHeader());
    for (Statistics.Row row : rows) {
      List<String> fields = new ArrayList<>(List.of(row.addresseeState(), row.addresseeName(),
          String.valueOf(row.year()), String.valueOf(row.invocations()), String.valueOf(row.repliesOnTime()),
          String.valueOf(row.repliesLate()), String.valueOf(row.noReply()), String.valueOf(row.awaitingReply()),
          String.valueOf(row.supplementaryReplies()), number(row.medianDaysToReply()), String.valueOf(row.assessed()), String.valueOf(row.judgedSubstantive()),
          number(row.shareSubstantive())));
      for (FollowUpAction action : FollowUpAction.values()) {
        fields.add(String.valueOf(row.followUps().get(action)));
      }
      record(out, fields);
    }
    return out.toString();
  }

  /** No value is an empty field, which a spreadsheet shows as an empty cell. */
  private static String number(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static void record(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        out.append(field);
      }
    }
    out.append("\r\n");
  }
}
