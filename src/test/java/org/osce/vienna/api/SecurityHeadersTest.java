package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;

/**
 * The browser protections on what the application serves: the final letter as HTML (its text was
 * written by a delegation, and a browser opens it) may load and run nothing, be framed by nobody and
 * not be sniffed as something else; the same for every case API answer. Camunda's webapps keep their
 * own policy, and Swagger UI still loads its scripts and styles.
 */
class SecurityHeadersTest extends ApiTestSupport {

  static final String LETTER_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @Test
  void theLetterAsHtmlIsServedWithAStrictPolicyThatItsTemplateNeedsNoMoreThan() {
    TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    if (get("t-officer-gb", "/api/cases/VM-SEC-LETTER").status() == 404) {
      deliver("VM-SEC-LETTER");
    }

    Answer letter = get("t-officer-gb", "/api/cases/VM-SEC-LETTER/letter", "Accept", "text/html");
    assertThat(letter.status()).as(letter.toString()).isEqualTo(200);
    assertThat(letter.contentType()).startsWith("text/html");
    assertThat(all(letter, "Content-Security-Policy")).containsExactly(LETTER_POLICY);
    assertThat(letter.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(letter.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(letter.header("X-Frame-Options")).isEqualTo("DENY");
    // What the policy allows is what the template uses: its own <style>, and no script, image, font or frame.
    assertThat(letter.body()).contains("<style>").doesNotContain("<script", "<img", "<link", "<iframe", "url(");

    // The PDF, shown by the browser's own viewer, keeps nosniff and the ban on framing.
    Answer pdf = get("t-officer-gb", "/api/cases/VM-SEC-LETTER/letter.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(all(pdf, "Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
    assertThat(pdf.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(pdf.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void everyCaseApiAnswerCarriesTheHeadersRefusalsIncluded() {
    TestUsers.officer(identityService, "GB");
    for (Answer answer : List.of(get("t-officer-gb", "/api/cases"), get(null, "/api/cases"),
        get("t-officer-gb", "/api/cases/VM-NO-SUCH-CASE"))) {
      assertThat(all(answer, "Content-Security-Policy")).as(answer.toString()).containsExactly(LETTER_POLICY);
      assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
      assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
      assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
    }
  }

  @Test
  void camundasWebappsKeepTheirOwnPolicyAndSwaggerUiStillLoads() {
    Answer tasklist = get(null, "/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    // Camunda's own policy (camunda.bpm.webapp.header-security), with its script nonce, alone.
    assertThat(all(tasklist, "Content-Security-Policy")).singleElement()
        .satisfies(policy -> assertThat(policy).contains("script-src", "'nonce-"));

    Answer swagger = get(null, "/swagger-ui/index.html");
    assertThat(swagger.status()).isEqualTo(200);
    assertThat(swagger.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(all(swagger, "Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
    // With nosniff a browser runs a script only when it is served as one: Swagger UI's are.
    for (String script : List.of("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js")) {
      Answer js = get(null, script);
      assertThat(js.status()).as(script).isEqualTo(200);
      assertThat(js.contentType()).as(script).contains("javascript");
    }
    Answer css = get(null, "/swagger-ui/swagger-ui.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(get(null, "/v3/api-docs").status()).isEqualTo(200);
  }

  private static List<String> all(Answer answer, String header) {
    return answer.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
        .flatMap(e -> e.getValue().stream()).toList();
  }
}
