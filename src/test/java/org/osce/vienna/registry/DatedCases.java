package org.osce.vienna.registry;

import static org.osce.vienna.engine.ProcessConstants.CO_SIGNS;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;
import static org.osce.vienna.engine.ProcessConstants.DRAFT_APPROVED;
import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.TASK_APPROVE_DRAFT;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_RESPONSE;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_FOLLOW_UP;
import static org.osce.vienna.engine.ProcessConstants.TASK_DRAFT_LETTER;
import static org.osce.vienna.engine.ProcessConstants.TASK_REGISTER_RESPONSE;
import static org.osce.vienna.engine.ProcessConstants.TASK_SIGN_AND_DELIVER;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;

/**
 * Plays cases on the dates a test names, as their users would have on those days: the engine's clock is
 * set to each step's moment before the step (the caller resets it afterwards). The job executor is off in
 * the shared H2 context: each step runs its case's jobs.
 */
class DatedCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseDriver driver;

  DatedCases(CaseDriver driver) {
    this.driver = driver;
  }

  static void clockAt(String isoDateTime) {
    clockAt(OffsetDateTime.parse(isoDateTime).toInstant());
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Started three days before delivery, drafted, approved, every invited delegation joins, handed over. */
  ProcessInstance delivered(String reference, String lead, List<String> invited, String addressee, String deliveredAt) {
    Instant delivery = OffsetDateTime.parse(deliveredAt).toInstant();
    clockAt(delivery.minus(Duration.ofDays(3)));
    ProcessInstance pi = driver.start(reference, lead, addressee, "Statistics test " + reference);
    String leadCode = lead.toLowerCase(Locale.ROOT);
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-" + leadCode, officer(lead), vars(
        LETTER, json(letterTo(addressee)), INVITED_DELEGATIONS, jsonList(invited),
        SIGN_OFF_DUE_AT, delivery.minus(Duration.ofDays(1)).toString()));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-" + leadCode, head(lead), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    for (var task : driver.tasks(pi, TASK_DECIDE_CO_SIGNING)) {
      String code = (String) driver.engine().getTaskService().getVariable(task.getId(), INVITED_DELEGATION);
      driver.complete(task, "head-" + code.toLowerCase(Locale.ROOT), head(code), vars(CO_SIGNS, true));
    }
    driver.runJobs(pi);
    clockAt(delivery);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-" + leadCode, head(lead), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, deliveredAt));
    driver.runJobs(pi);
    return pi;
  }

  /** The 2021 letter, addressed to another State. */
  private static String letterTo(String addressee) {
    try {
      ObjectNode letter = (ObjectNode) JSON.readTree(Fixtures.letterJson());
      ((ObjectNode) letter.path("addressee")).put("state", addressee);
      return JSON.writeValueAsString(letter);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reply registered in Tasklist on the day it came. */
  void replied(ProcessInstance pi, String lead, String receivedAt) {
    clockAt(receivedAt);
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-" + lead.toLowerCase(Locale.ROOT), officer(lead), vars(
        RESPONSE_RECEIVED, true, RESPONSE_RECEIVED_AT, receivedAt, RESPONSE_REFERENCE, "Note verbale",
        RESPONSE_SUMMARY, "A reply."));
    driver.runJobs(pi);
  }

  /** "No response received", registered on that day. */
  void noReply(ProcessInstance pi, String lead, String registeredAt) {
    clockAt(registeredAt);
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-" + lead.toLowerCase(Locale.ROOT), officer(lead),
        vars(RESPONSE_RECEIVED, false));
    driver.runJobs(pi);
  }

  /** Each of the letter's eight questions assessed; the reply as a whole substantive or not. */
  void assessed(ProcessInstance pi, String lead, boolean substantive) {
    StringBuilder list = new StringBuilder("[");
    for (int q = 1; q <= 8; q++) {
      list.append(q > 1 ? "," : "").append("{\"question\":").append(q).append(",\"assessment\":\"ANSWERED\"}");
    }
    driver.complete(pi, TASK_ASSESS_RESPONSE, "officer-" + lead.toLowerCase(Locale.ROOT), officer(lead), vars(
        RESPONSE_SUBSTANTIVE, substantive, QUESTION_ASSESSMENTS, json(list.append("]").toString())));
    driver.runJobs(pi);
  }

  void followUp(ProcessInstance pi, String lead, String... actions) {
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-" + lead.toLowerCase(Locale.ROOT), head(lead),
        vars(FOLLOW_UP_ACTIONS, jsonList(List.of(actions))));
    driver.runJobs(pi);
  }
}
