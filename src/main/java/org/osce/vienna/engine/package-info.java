/**
 * The glue every phase uses: process, message and variable names, variable access, the engine clock, who is
 * acting, the user task conventions and the record of open tasks, each task held to its input contract, the lead
 * delegation's access to its case, the participating States' names that the forms read from each case.
 */
@ApplicationModule(displayName = "Engine glue", allowedDependencies = {"casefile"})
package org.osce.vienna.engine;

import org.springframework.modulith.ApplicationModule;
