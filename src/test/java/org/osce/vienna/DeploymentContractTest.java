package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a new user and an administrator expect of a started deployment, on each database: the
 * models are deployed, both schemas exist, REST needs a login, and nobody sees another
 * delegation's work. The subclass says which application: {@link H2DeploymentTest}, {@link PostgresDeploymentTest}.
 */
abstract class DeploymentContractTest {

  @Autowired
  protected TestRestTemplate rest;
  @Autowired
  protected RepositoryService repositoryService;
  @Autowired
  protected IdentityService identityService;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected DataSource dataSource;

  /** The administrator of this profile, id and password. */
  protected abstract String[] admin();

  @Test
  void everyModelAndFormOfTheRepositoryIsDeployed() throws IOException {
    List<String> files = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> paths = Files.list(Path.of(folder))) {
        paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(files::add);
      }
    }
    List<String> deployed = new ArrayList<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      repositoryService.getDeploymentResourceNames(deployment.getId()).stream()
          .map(name -> name.substring(name.lastIndexOf('/') + 1))
          .forEach(deployed::add);
    }

    assertThat(files).isNotEmpty().anyMatch(f -> f.endsWith(".bpmn")).anyMatch(f -> f.endsWith(".form"));
    assertThat(deployed).containsAll(files);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("vienna-mechanism").count())
        .isEqualTo(1);
  }

  @Test
  void engineAndApplicationSchemasAreCreated() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase());
      }
    }
    assertThat(tables).contains("act_re_procdef", "act_ru_task", "act_hi_procinst", "act_id_user",
        "vm_case", "vm_flyway_schema_history");
  }

  @Test
  void engineRestRefusesAnonymousAndWrongPasswords() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // A throwaway user: a wrong password is refused, and counted against this test's address.
    String officer = TestUsers.officer(identityService, "FR");
    assertThat(rest.withBasicAuth(officer, "wrong").getForEntity("/engine-rest/process-definition",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(admin()[0], admin()[1]).getForEntity("/engine-rest/process-definition",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anOfficerSeesAndCompletesOnlyHerDelegationsTasksAndAManagerCompletesNone() {
    String gbOfficer = TestUsers.officer(identityService, "GB");
    String deOfficer = TestUsers.officer(identityService, "DE");
    String manager = TestUsers.manager(identityService);
    Task task = taskService.newTask();
    task.setName("Check the draft for GB");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), Groups.delegation("GB"));

    assertThat(visibleTaskIds(deOfficer)).doesNotContain(task.getId());
    assertThat(complete(deOfficer, task.getId()).getStatusCode().is4xxClientError()).isTrue();
    assertThat(claim(deOfficer, task.getId()).getStatusCode().is4xxClientError()).isTrue();

    assertThat(visibleTaskIds(manager)).contains(task.getId());
    assertThat(complete(manager, task.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    assertThat(visibleTaskIds(gbOfficer)).contains(task.getId());
    assertThat(claim(gbOfficer, task.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete(gbOfficer, task.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void healthShowsTheEngineAndTheJobExecutorToTheAdministratorAndOnlyTheStatusToAnybody() throws Exception {
    ResponseEntity<String> health = rest.withBasicAuth(admin()[0], admin()[1])
        .getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode components = new ObjectMapper()
        .readTree(health.getBody()).path("components");
    assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    ResponseEntity<String> anonymous = rest.getForEntity("/actuator/health", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"UP\"}");
  }

  protected List<String> visibleTaskIds(String userId) {
    ResponseEntity<List> response = rest.withBasicAuth(userId, TestUsers.password(userId))
        .getForEntity("/engine-rest/task", List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    for (Object task : response.getBody()) {
      ids.add((String) ((Map<?, ?>) task).get("id"));
    }
    return ids;
  }

  private ResponseEntity<String> complete(String userId, String taskId) {
    return post(userId, "/engine-rest/task/" + taskId + "/complete", "{}");
  }

  private ResponseEntity<String> claim(String userId, String taskId) {
    return post(userId, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + userId + "\"}");
  }

  private ResponseEntity<String> post(String userId, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, TestUsers.password(userId))
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }
}
