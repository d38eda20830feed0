/**
 * The registry across cases: statistics per addressee State and year, the gauges operators watch (open cases, overdue replies, meetings past their target), and past invocations recorded as they happened. Reads the application's own tables; records a past case through the same records and input types as the live steps.
 */
@ApplicationModule(displayName = "Registry", allowedDependencies = {"casefile", "engine", "drafting", "signoff",
    "delivery", "response", "followup"})
package org.osce.vienna.registry;

import org.springframework.modulith.ApplicationModule;
