/**
 * The registry across cases: statistics per addressee State and year, and the gauges operators watch (open cases, overdue replies, meetings past their target). Read from the application's own tables; it changes nothing.
 */
@ApplicationModule(displayName = "Registry", allowedDependencies = {"casefile", "engine", "followup"})
package org.osce.vienna.registry;

import org.springframework.modulith.ApplicationModule;
