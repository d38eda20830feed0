package org.osce.vienna.delivery;

import java.util.List;

/** The letter was delivered: the mechanism is invoked, and every participating State is to know (stage 3). Published in the step's transaction; whoever must be told listens (notification). */
public record MechanismInvoked(String reference, String label, String addressee, List<String> signatories) {}
