package org.osce.vienna.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The engine checks a user's authorizations with the user's own groups as they are.
 *
 * <p>Why: before its first check in every command of a signed-in user, the engine reads every group that holds
 * any authorization ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) to leave out of its checks the
 * user's groups that hold none. That table has a row for every case (its lead's grant, {@link CaseAccess}) and for
 * every candidate group of every open task, so the read scans the whole registry's grants on every request of
 * Tasklist and {@code /engine-rest}: in a 2021-size case, 69 times, the most rows of any statement
 * (docs/performance.md). Leaving the read out changes no answer: each check matches the authorizations of the
 * groups it is given, and a group that holds none matches none. A user belongs to one or two groups here, so the
 * checks' lists stay short.
 */
@Component
public class AuthorizationChecksWithOwnGroups extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    // Added after the engine's own, a session factory of the same session type takes its place.
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new OwnGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization checks, given the user's groups unfiltered. */
  static class OwnGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
