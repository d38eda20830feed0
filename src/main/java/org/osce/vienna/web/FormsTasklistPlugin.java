package org.osce.vienna.web;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * Camunda Forms in Tasklist 7.24 corrected, by Camunda's plugin mechanism for the webapps: found by
 * the service loader ({@code META-INF/services}), it has Tasklist load {@code plugin-webapp/vienna-forms/app/plugin.js}
 * and {@code plugin.css}. (1) "Complete" follows the errors the form shows: Tasklist counts a field of a dynamic
 * list that was once checked as an error for good, and greys "Complete" out until "Save". (2) A typed date that
 * is not a date of the field's format (e.g. 11/29/2026 in a dd/mm/yyyy field) is refused with a message instead
 * of being rolled over into another date. (3) The confirmation of a start names the case it started. No data of
 * its own: its one resource serves those two files.
 */
public class FormsTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "vienna-forms";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(Assets.class);
  }

  /** {@code /camunda/api/tasklist/plugin/vienna-forms/static/app/plugin.js} and {@code …/plugin.css}. */
  @Path("plugin/" + ID)
  public static class Assets extends AbstractTasklistPluginRootResource {

    public Assets() {
      super(ID);
    }
  }
}
