/**
 * The case file: the case record (vm_case) and its status values, which cases concern a delegation, the timeline and its event kinds, the 57 participating States and their groups, the time rules, the settings. Plain Java and SQL; it uses no other module.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {})
package org.osce.vienna.casefile;

import org.springframework.modulith.ApplicationModule;
