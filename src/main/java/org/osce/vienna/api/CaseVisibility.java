package org.osce.vienna.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.ProcessConstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which cases a caller may see: managers and administrators all of them; a delegation's users the
 * cases their State leads or was invited to co-sign (vm_signatory; before the sign-off round opens,
 * the invitations of the draft, variable {@code invitedDelegations}). Nobody else learns that a case exists.
 */
@Component
public class CaseVisibility {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseRecords cases;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;

  public CaseVisibility(CaseRecords cases, JdbcTemplate jdbc, RuntimeService runtimeService) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
  }

  /** The case, if the caller may see it; otherwise 404, as for a case that does not exist. */
  public CaseRecord require(ApiCaller caller, String reference) {
    return cases.find(reference).filter(c -> maySee(caller, c))
        .orElseThrow(() -> CaseApiException.caseNotFound(reference));
  }

  public boolean maySee(ApiCaller caller, CaseRecord c) {
    if (caller.seesEverything()) {
      return true;
    }
    Set<String> mine = caller.delegations();
    return mine.contains(c.leadDelegation()) || concerned(List.of(c)).getOrDefault(c.reference(), Set.of())
        .stream().anyMatch(mine::contains);
  }

  /** The cases the caller may see, newest first, optionally of one addressee and one status. */
  public List<CaseRecord> visible(ApiCaller caller, Optional<String> addressee, Optional<CaseStatus> status) {
    List<CaseRecord> matching = cases.all().stream()
        .filter(c -> addressee.map(a -> a.equals(c.addresseeState())).orElse(true))
        .filter(c -> status.map(s -> s == c.status()).orElse(true))
        .toList();
    if (caller.seesEverything()) {
      return matching;
    }
    Set<String> mine = caller.delegations();
    Map<String, Set<String>> concerned = concerned(matching);
    return matching.stream().filter(c -> mine.contains(c.leadDelegation())
        || concerned.getOrDefault(c.reference(), Set.of()).stream().anyMatch(mine::contains)).toList();
  }

  /** The invited delegations of each case: its vm_signatory rows, or the draft's invitations before the round. */
  private Map<String, Set<String>> concerned(List<CaseRecord> of) {
    Map<String, Set<String>> result = new HashMap<>();
    if (of.isEmpty()) {
      return result;
    }
    Set<String> references = new HashSet<>();
    of.forEach(c -> references.add(c.reference()));
    org.springframework.jdbc.core.RowCallbackHandler collect = rs -> {
      if (references.contains(rs.getString(1))) {
        result.computeIfAbsent(rs.getString(1), r -> new HashSet<>()).add(rs.getString(2));
      }
    };
    if (of.size() == 1) {
      jdbc.query("SELECT case_reference, state_code FROM vm_signatory WHERE case_reference = ?", collect,
          of.get(0).reference());
    } else {
      jdbc.query("SELECT case_reference, state_code FROM vm_signatory", collect);
    }
    Map<String, String> drafting = new HashMap<>();
    for (CaseRecord c : of) {
      if (!result.containsKey(c.reference()) && c.status() == CaseStatus.DRAFTING && c.processInstanceId() != null) {
        drafting.put(c.processInstanceId(), c.reference());
      }
    }
    if (!drafting.isEmpty()) {
      List<VariableInstance> invited = runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(drafting.keySet().toArray(String[]::new))
          .variableName(ProcessConstants.INVITED_DELEGATIONS).list();
      for (VariableInstance variable : invited) {
        String reference = drafting.get(variable.getProcessInstanceId());
        result.computeIfAbsent(reference, r -> new HashSet<>()).addAll(codes(variable.getValue()));
      }
    }
    return result;
  }

  /** The codes in an {@code invitedDelegations} value: Spin JSON, a JSON string or a list. */
  static Set<String> codes(Object value) {
    Set<String> codes = new HashSet<>();
    if (value == null) {
      return codes;
    }
    try {
      JsonNode node = value instanceof Collection<?> list ? JSON.valueToTree(list) : JSON.readTree(value.toString());
      if (node != null && node.isArray()) {
        node.forEach(item -> ParticipatingStates.all().find(item.asText()).map(ParticipatingState::code)
            .ifPresent(codes::add));
      }
    } catch (JsonProcessingException e) {
      // An unreadable list invites nobody: the draft is refused when submitted.
    }
    return codes;
  }
}
