package org.osce.vienna.api;

import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * "Cases" in Cockpit, by Camunda's plugin mechanism for the webapps: found by the service loader
 * ({@code META-INF/services}), it has Cockpit load {@code plugin-webapp/vienna-cases/app/plugin.js} and
 * {@code plugin.css}, which list and show the cases from this API with the Cockpit login
 * ({@link ApiAuthentication}), and the registry's statistics as charts ({@code statistics.js}, Chart.js from its
 * webjar). No data of its own: its one resource serves those files.
 */
public class CasesCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "vienna-cases";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(Assets.class);
  }

  /** {@code /camunda/api/cockpit/plugin/vienna-cases/static/app/plugin.js} and {@code …/plugin.css}. */
  @Path("plugin/" + ID)
  public static class Assets extends AbstractCockpitPluginRootResource {

    public Assets() {
      super(ID);
      // Cockpit serves only the assets a plugin names: plugin.js imports these two.
      allowedAssets.addAll(List.of("app/dom.js", "app/statistics.js"));
    }
  }
}
