package org.osce.vienna.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * What must hold after the crashes, as a pure function of what was observed, so that it can be
 * checked against deliberately broken observations too (a check that cannot fail proves nothing).
 *
 * <p>Exactly once: each timeline event of a case as often as the procedure has it happen, each
 * notice once in the outbox for each of its recipients, as a message (a row, a Message-ID) of its own
 * to that one recipient, SENT, and each message in its recipient's mailbox once. The one copy that docs/operations.md ("Notifications and e-mail") allows is a
 * message the server accepted just before the application (or the connection to the server) died,
 * so the application could not record that it was accepted; it goes again with the same Message-ID.
 * Such a copy is accepted only when the earlier copy arrived within {@link #CRASH_WINDOW} of a kill
 * or the start of a mail outage (the server may finish storing a message whose sender was killed a
 * moment before) and the copy itself after it; it is counted in the figures. Any other copy is a duplicate.
 */
final class CrashOracle {

  /** How far from an interruption a message may have been accepted and not yet recorded as sent. */
  static final Duration CRASH_WINDOW = Duration.ofSeconds(10);

  static final String DOMAIN = "example.org";

  /** One case as the test plays it: who leads, who is invited and declines, how the letter goes. */
  record CasePlan(String reference, String lead, String addressee, List<String> invited, Set<String> declining,
      boolean byEmail) {

    List<String> signatories() {
      List<String> signing = new ArrayList<>();
      signing.add(lead);
      invited.stream().filter(code -> !declining.contains(code)).forEach(signing::add);
      return signing;
    }

    /** How often each timeline event happens in a case played this way (docs/api.md, "A case from start to close"). */
    Map<String, Integer> expectedTimeline() {
      Map<String, Integer> events = new LinkedHashMap<>();
      events.put("CASE_STARTED", 1);
      events.put("DRAFT_SUBMITTED", 1);
      events.put("DRAFT_APPROVED", 1);
      events.put("SIGN_OFF_OPENED", 1);
      events.put("CO_SIGNING_JOINED", invited.size() - declining.size());
      events.put("CO_SIGNING_DECLINED", declining.size());
      events.put("SIGN_OFF_CLOSED", 1);
      events.put("LETTER_COMPOSED", 1);
      events.put("LETTER_SIGNED", 1);
      events.put("LETTER_DELIVERED", 1);
      events.put("PARTICIPATING_STATES_INFORMED", 1);
      events.put("RESPONSE_REGISTERED", 1);
      events.put("RESPONSE_RECEIVED", 1);
      events.put("RESPONSE_ASSESSED", 1);
      events.put("FOLLOW_UP_DECIDED", 1);
      events.put("CASE_CLOSED", 1);
      events.values().removeIf(count -> count == 0);
      return events;
    }

    /** Each notice of the case (vm_notification.event) and its recipients (docs/operations.md, "Notifications and e-mail"). */
    Map<String, Set<String>> expectedNotices() {
      Map<String, Set<String>> notices = new LinkedHashMap<>();
      notices.put("CO_SIGNING_INVITATION", new TreeSet<>(invited.stream().map(Groups::heads).toList()));
      if (byEmail) {
        notices.put("LETTER_DELIVERY", Set.of("mission-" + addressee.toLowerCase(Locale.ROOT)));
      }
      notices.put("MECHANISM_INVOKED", new TreeSet<>(ParticipatingStates.all().list().stream()
          .map(ParticipatingState::code).map(Groups::delegation).toList()));
      Set<String> signing = new TreeSet<>(signatories().stream().map(Groups::delegation).toList());
      notices.put("LETTER_DELIVERED", signing);
      notices.put("RESPONSE_RECEIVED", signing);
      notices.put("CASE_CLOSED", signing);
      return notices;
    }
  }

  /** A case as the API shows it at the end. */
  record CaseSeen(String status, List<String> signatories, List<String> timeline) {
  }

  /** A row of vm_notification. */
  record Notice(long id, String caseReference, String event, List<String> recipients, String status,
      String messageId, int attempts) {
  }

  record Observed(List<CasePlan> plans, Map<String, CaseSeen> cases, List<Notice> notices,
      List<CrashSmtp.Copy> copies, List<Instant> interruptions, List<String> engineLeftovers) {

    Observed withCases(Map<String, CaseSeen> other) {
      return new Observed(plans, other, notices, copies, interruptions, engineLeftovers);
    }

    Observed withNotices(List<Notice> other) {
      return new Observed(plans, cases, other, copies, interruptions, engineLeftovers);
    }

    Observed withCopies(List<CrashSmtp.Copy> other) {
      return new Observed(plans, cases, notices, other, interruptions, engineLeftovers);
    }
  }

  /** A copy beyond the first of a message in a mailbox, accepted because it follows an interruption. */
  record ToleratedCopy(String messageId, String recipient, Instant firstAt, Instant interruption) {
  }

  record Verdict(List<String> problems, List<ToleratedCopy> tolerated) {
  }

  private CrashOracle() {
  }

  static Verdict check(Observed observed) {
    List<String> problems = new ArrayList<>();
    List<ToleratedCopy> tolerated = new ArrayList<>();
    Map<String, List<Notice>> noticesByCase = new HashMap<>();
    observed.notices().forEach(n -> noticesByCase.computeIfAbsent(n.caseReference(), r -> new ArrayList<>()).add(n));
    Set<String> planned = new HashSet<>();
    // Which copies every notice must have produced: one per (Message-ID, recipient's address).
    Map<String, String> expectedCopies = new LinkedHashMap<>();

    for (CasePlan plan : observed.plans()) {
      String ref = plan.reference();
      planned.add(ref);
      CaseSeen seen = observed.cases().get(ref);
      if (seen == null) {
        problems.add(ref + ": not found over the API");
        continue;
      }
      if (!"CLOSED".equals(seen.status())) {
        problems.add(ref + ": status " + seen.status() + ", not CLOSED");
      }
      // The lead first, then the others (in the order of their names).
      List<String> signing = seen.signatories();
      if (signing.isEmpty() || !signing.get(0).equals(plan.lead()) || signing.size() != plan.signatories().size()
          || !new HashSet<>(signing).equals(new HashSet<>(plan.signatories()))) {
        problems.add(ref + ": signatories " + seen.signatories() + ", expected " + plan.signatories());
      }
      Map<String, Integer> expected = plan.expectedTimeline();
      Map<String, Integer> actual = counts(seen.timeline());
      for (String event : union(expected.keySet(), actual.keySet())) {
        int want = expected.getOrDefault(event, 0);
        int got = actual.getOrDefault(event, 0);
        if (want != got) {
          problems.add(ref + ": timeline has " + event + " " + got + " time(s), expected " + want
              + (got > want ? " (duplicated)" : " (lost)"));
        }
      }

      Map<String, Set<String>> wantedNotices = plan.expectedNotices();
      Map<String, List<Notice>> rows = new LinkedHashMap<>();
      noticesByCase.getOrDefault(ref, List.of()).forEach(n -> rows.computeIfAbsent(n.event(), e -> new ArrayList<>()).add(n));
      for (String event : union(wantedNotices.keySet(), rows.keySet())) {
        List<Notice> ofEvent = rows.getOrDefault(event, List.of());
        Set<String> recipients = wantedNotices.get(event);
        if (recipients == null) {
          problems.add(ref + ": unexpected notice " + event + " x" + ofEvent.size());
          continue;
        }
        // One row, one message, per recipient: each recipient once, none missing, none unexpected.
        Map<String, List<Notice>> byRecipient = new LinkedHashMap<>();
        for (Notice notice : ofEvent) {
          if (notice.recipients().size() != 1) {
            problems.add(ref + ": notice " + event + " (id " + notice.id() + ") goes to " + notice.recipients()
                + " in one message, expected one message per recipient");
          }
          notice.recipients().forEach(r -> byRecipient.computeIfAbsent(r, k -> new ArrayList<>()).add(notice));
        }
        for (String recipient : union(recipients, byRecipient.keySet())) {
          int count = byRecipient.getOrDefault(recipient, List.of()).size();
          if (!recipients.contains(recipient)) {
            problems.add(ref + ": notice " + event + " goes to " + recipient + ", expected only " + recipients);
          } else if (count != 1) {
            problems.add(ref + ": notice " + event + " for " + recipient + " is in the outbox " + count
                + " time(s), expected once" + (count == 0 ? " (lost)" : " (duplicated)"));
          }
        }
        for (Notice notice : ofEvent) {
          if (!"SENT".equals(notice.status())) {
            problems.add(ref + ": notice " + event + " (id " + notice.id() + ") is " + notice.status() + ", not SENT");
          }
          String wantedId = "LETTER_DELIVERY".equals(event) ? "<vm-letter-" + ref + "@vienna-mechanism>"
              : "<vm-notification-" + notice.id() + "@vienna-mechanism>";
          if (!wantedId.equals(notice.messageId())) {
            problems.add(ref + ": notice " + event + " has Message-ID " + notice.messageId() + ", expected " + wantedId);
            continue;
          }
          for (String recipient : new TreeSet<>(notice.recipients())) {
            expectedCopies.put(notice.messageId() + " " + address(recipient), ref + " " + event);
          }
        }
      }
    }
    noticesByCase.keySet().stream().filter(ref -> !planned.contains(ref)).sorted()
        .forEach(ref -> problems.add(ref + ": notices of a case the test did not start"));

    Map<String, List<CrashSmtp.Copy>> copies = new LinkedHashMap<>();
    observed.copies().forEach(c -> copies.computeIfAbsent(c.messageId() + " " + c.recipient(), k -> new ArrayList<>()).add(c));
    expectedCopies.forEach((key, what) -> {
      if (!copies.containsKey(key)) {
        problems.add(what + ": no e-mail received for " + key + " (lost)");
      }
    });
    copies.forEach((key, received) -> {
      String what = expectedCopies.get(key);
      if (what == null) {
        problems.add("unexpected e-mail " + key + " x" + received.size());
        return;
      }
      received.sort(Comparator.comparing(CrashSmtp.Copy::receivedAt));
      for (int i = 1; i < received.size(); i++) {
        Instant earlier = received.get(i - 1).receivedAt();
        Instant interruption = interruptionBetween(earlier, received.get(i).receivedAt(), observed.interruptions());
        if (interruption == null) {
          problems.add(what + ": e-mail " + key + " received " + received.size() + " times (duplicated; copy "
              + (i + 1) + " at " + received.get(i).receivedAt() + " follows no kill or outage)");
        } else {
          tolerated.add(new ToleratedCopy(received.get(i).messageId(), received.get(i).recipient(), earlier,
              interruption));
        }
      }
    });

    observed.engineLeftovers().forEach(left -> problems.add("engine: " + left));
    return new Verdict(problems, tolerated);
  }

  /**
   * The kill or outage that explains a second copy: the first was accepted around it (so it may not
   * have been recorded as sent), the second after it (sent again once the application was back).
   */
  private static Instant interruptionBetween(Instant first, Instant second, List<Instant> interruptions) {
    return interruptions.stream()
        .filter(at -> !first.isBefore(at.minus(CRASH_WINDOW)) && !first.isAfter(at.plus(CRASH_WINDOW)))
        .filter(second::isAfter)
        .findFirst().orElse(null);
  }

  /** The address the application sends a recipient's notices to (default patterns of application.yaml). */
  static String address(String recipient) {
    String id = recipient.toLowerCase(Locale.ROOT);
    if (id.startsWith(Groups.HEADS_PREFIX)) {
      id = Groups.DELEGATION_PREFIX + id.substring(Groups.HEADS_PREFIX.length());
    }
    return id + "@" + DOMAIN;
  }

  private static Map<String, Integer> counts(List<String> events) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    events.forEach(e -> counts.merge(e, 1, Integer::sum));
    return counts;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
