/**
 * What every request passes before the application reads it: security headers, the body limit, HTTP Basic credentials, the webapps' login, problem answers, the database outage answer, the database health.
 */
@ApplicationModule(displayName = "Web edge", allowedDependencies = {"casefile", "engine"})
package org.osce.vienna.web;

import org.springframework.modulith.ApplicationModule;
