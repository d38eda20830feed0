package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;

/**
 * Runs docs/api.md ("For systems") as written: every shell command of its {@code bash} blocks, in
 * order, against this application, and compares each answer with the {@code http} block that
 * follows it. A change to the API that docs/api.md does not show, or an example there that the API
 * does not answer as shown, fails here.
 *
 * <p>The commands are read as the shell would read the few forms docs/api.md uses: {@code curl} with
 * {@code -s -u -H -d -X -o} (and {@code -d @-} with a here-document), {@code VAR=$(curl … | jq -r '.path')},
 * {@code VAR=$(date -Iseconds)} and {@code until curl … | grep -q '…'; do sleep 1; done}.
 */
class ReadmeForSystemsTest extends ApiTestSupport {

  private static final String DOC_BASE = "http://localhost:8080";
  private static final Pattern ASSIGN = Pattern.compile("^([A-Z_]+)=\\$\\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern UNTIL = Pattern.compile("^until (.*); do sleep 1; done$", Pattern.DOTALL);
  private static final Pattern HEREDOC = Pattern.compile("<<(\\w+)\\s*$");
  private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w+)\\n(.*?)^```\\n", Pattern.DOTALL);

  private final Map<String, String> shell = new HashMap<>();

  /** A fenced block of docs/api.md: its language and text. */
  record Block(String language, String text) {
  }

  @Test
  void everyCommandOfForSystemsAnswersAsShown() throws IOException {
    ensureDemoUser("officer-gb", Groups.delegation("GB"));
    ensureDemoUser("head-gb", Groups.delegation("GB"), Groups.heads("GB"));
    ensureDemoUser("head-de", Groups.delegation("DE"), Groups.heads("DE"));
    ensureDemoUser("head-fr", Groups.delegation("FR"), Groups.heads("FR"));
    ensureDemoUser("officer-ru", Groups.delegation("RU"));
    ensureDemoUser("manager", Groups.MANAGERS);

    List<Block> blocks = apiDocBlocks();
    assertThat(blocks).as("bash and http blocks of docs/api.md").hasSizeGreaterThan(40);
    Set<String> calls = new HashSet<>();
    Answer last = null;
    String lastCommand = null;
    int commands = 0;
    for (Block block : blocks) {
      if (block.language().equals("bash")) {
        for (Command command : commands(block.text())) {
          last = run(command);
          lastCommand = command.text();
          commands++;
          calls.add(command.text().replaceAll("(?s).*?curl .*?(-X \\w+ )?.*?(http://\\S+).*", "$2"));
        }
      } else if (block.language().equals("http")) {
        assertThat(last).as("an http block follows a command").isNotNull();
        expect(block.text(), last, lastCommand);
      }
    }
    assertThat(commands).isGreaterThan(40);
    // Every call of the case API is shown.
    String all = String.join("\n", blocks.stream().map(Block::text).toList());
    assertThat(all).contains("http://localhost:8080/api/cases\n", "/api/cases/VM-2022-RU-01/response",
        "/api/cases/VM-2022-RU-01/bilateral-meeting-requests", "/api/cases/VM-2022-RU-01/letter",
        "/api/cases?addresseeState=", "curl -s -u officer-gb:officer-gb http://localhost:8080/api/cases/VM-2022-RU-01\n");
  }

  private void ensureDemoUser(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("Demo");
    user.setPassword(id); // as in the demo: password = user id
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }

  private static List<Block> apiDocBlocks() throws IOException {
    String doc = Files.readString(Path.of("docs", "api.md"));
    assertThat(doc).as("docs/api.md is the 'For systems' document").startsWith("# For systems");
    List<Block> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(doc);
    while (fence.find()) {
      blocks.add(new Block(fence.group(1), fence.group(2)));
    }
    return blocks;
  }

  /** A command as the shell reads it: the line (continuations joined) and its here-document, if any. */
  record Command(String text, String stdin) {
  }

  private static List<Command> commands(String block) {
    List<Command> commands = new ArrayList<>();
    String[] lines = block.split("\n");
    for (int i = 0; i < lines.length; i++) {
      StringBuilder line = new StringBuilder(lines[i]);
      while (i + 1 < lines.length && (line.toString().endsWith("\\") || inQuotes(line))) {
        if (inQuotes(line)) {
          line.append('\n').append(lines[++i]); // a newline inside quotes is part of the word
        } else {
          line.setLength(line.length() - 1);
          line.append(' ').append(lines[++i].strip());
        }
      }
      if (line.toString().isBlank()) {
        continue;
      }
      String stdin = null;
      Matcher heredoc = HEREDOC.matcher(line);
      if (heredoc.find()) {
        StringBuilder document = new StringBuilder();
        while (++i < lines.length && !lines[i].equals(heredoc.group(1))) {
          document.append(lines[i]).append('\n');
        }
        line.setLength(heredoc.start());
        stdin = document.toString();
      }
      commands.add(new Command(line.toString().strip(), stdin));
    }
    return commands;
  }

  private Answer run(Command command) {
    Matcher assign = ASSIGN.matcher(command.text());
    if (assign.matches()) {
      String inner = assign.group(2);
      if (inner.equals("date -Iseconds")) {
        // As date would print it a moment later: the next full second, so that the time is never before
        // a step taken earlier within the same second (people are slower than this test).
        OffsetDateTime next = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        sleep(Math.max(0, Duration.between(OffsetDateTime.now(), next).toMillis() + 10));
        shell.put(assign.group(1), next.toString());
        return null;
      }
      List<String> pipeline = splitPipe(inner);
      assertThat(pipeline).as(command.text()).hasSize(2);
      Answer answer = curl(words(pipeline.get(0)), null);
      List<String> jq = words(pipeline.get(1));
      assertThat(jq.subList(0, 2)).as(command.text()).containsExactly("jq", "-r");
      assertThat(answer.status()).as("%s: %s", command.text(), answer).isEqualTo(200);
      shell.put(assign.group(1), select(answer.json(), jq.get(2)));
      return null;
    }
    Matcher until = UNTIL.matcher(command.text());
    if (until.matches()) {
      List<String> pipeline = splitPipe(until.group(1));
      List<String> grep = words(pipeline.get(1));
      assertThat(grep.subList(0, 2)).as(command.text()).containsExactly("grep", "-q");
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      Answer answer;
      do {
        answer = curl(words(pipeline.get(0)), null);
        if (answer.body().contains(grep.get(2))) {
          return null;
        }
        sleep(250);
      } while (System.nanoTime() < deadline);
      throw new AssertionError("Waited in vain: " + command.text() + "; last answer " + answer);
    }
    return curl(words(command.text()), command.stdin() == null ? null : expand(command.stdin()));
  }

  private Answer curl(List<String> words, String stdin) {
    assertThat(words.get(0)).isEqualTo("curl");
    String user = null;
    String password = null;
    String method = null;
    String data = null;
    String url = null;
    List<String> headers = new ArrayList<>();
    for (Iterator<String> it = words.subList(1, words.size()).iterator(); it.hasNext(); ) {
      String word = it.next();
      switch (word) {
        case "-s", "-i" -> { }
        case "-o" -> it.next(); // the answer is kept here rather than in a file
        case "-u" -> {
          String[] credentials = it.next().split(":", 2);
          user = credentials[0];
          password = credentials[1];
        }
        case "-H" -> {
          String[] header = it.next().split(":\\s*", 2);
          headers.add(header[0]);
          headers.add(header[1]);
        }
        case "-d", "--data" -> data = it.next();
        case "-X" -> method = it.next();
        default -> {
          assertThat(word).as("curl argument").startsWith(DOC_BASE);
          url = word.substring(DOC_BASE.length());
        }
      }
    }
    if ("@-".equals(data)) {
      data = stdin;
    }
    return call(method != null ? method : data != null ? "POST" : "GET", url, user, password, data,
        headers.toArray(String[]::new));
  }

  /** Shell words: '…' literal, "…" and bare words with $VAR expanded. */
  private List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        word.append(line, i + 1, close);
        i = close;
      } else if (c == '"') {
        int close = line.indexOf('"', i + 1);
        word.append(expand(line.substring(i + 1, close)));
        i = close;
      } else if (c == '$') {
        int j = i + 1;
        while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
          j++;
        }
        word.append(variable(line.substring(i + 1, j)));
        i = j - 1;
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private String expand(String text) {
    Matcher variable = Pattern.compile("\\$([A-Z_]+)").matcher(text);
    StringBuilder expanded = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(expanded, Matcher.quoteReplacement(variable(variable.group(1))));
    }
    return variable.appendTail(expanded).toString();
  }

  private String variable(String name) {
    assertThat(shell).as("shell variable $%s is set before use", name).containsKey(name);
    return shell.get(name);
  }

  /** Whether a quote opened in the line is still open at its end. */
  private static boolean inQuotes(CharSequence line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      }
    }
    return quote != 0;
  }

  /** Splits at a pipe outside quotes. */
  private static List<String> splitPipe(String line) {
    List<String> parts = new ArrayList<>();
    char quote = 0;
    int from = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '|') {
        parts.add(line.substring(from, i).strip());
        from = i + 1;
      }
    }
    parts.add(line.substring(from).strip());
    return parts;
  }

  /** jq's {@code .a[0].b}. */
  private static String select(JsonNode json, String path) {
    JsonNode node = json;
    Matcher step = Pattern.compile("\\.(\\w+)|\\[(\\d+)]").matcher(path);
    while (step.find()) {
      node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
    }
    assertThat(node.isValueNode()).as("jq %s in %s", path, json).isTrue();
    return node.asText();
  }

  /** The answer shown: status line, headers, then the body (JSON: the fields shown, with "…" for any value). */
  private static void expect(String shown, Answer answer, String command) {
    String[] parts = shown.split("\n\n", 2);
    String[] head = parts[0].split("\n");
    String what = command + "\n→ " + answer;
    assertThat(answer.status()).as(what).isEqualTo(Integer.parseInt(head[0].replace("HTTP/1.1", "").strip()));
    for (int i = 1; i < head.length; i++) {
      String[] header = head[i].split(":\\s*", 2);
      assertThat(answer.header(header[0])).as("%s in %s", header[0], what).isNotNull();
      assertThat(answer.header(header[0]).replace(" ", "")).as("%s in %s", header[0], what)
          .isEqualToIgnoringCase(header[1].replace(" ", ""));
    }
    if (parts.length > 1 && !parts[1].isBlank()) {
      JsonNode expected;
      try {
        expected = JSON.readTree(parts[1]);
      } catch (IOException e) {
        throw new AssertionError("docs/api.md answer is not JSON: " + parts[1], e);
      }
      match(expected, answer.json(), "$", what);
    }
  }

  private static void match(JsonNode expected, JsonNode actual, String path, String what) {
    if (expected.isTextual() && expected.asText().equals("…")) {
      return;
    }
    if (expected.isObject()) {
      assertThat(actual.isObject()).as("%s is an object in %s", path, what).isTrue();
      Set<String> shownFields = new HashSet<>();
      expected.fieldNames().forEachRemaining(shownFields::add);
      if (!shownFields.remove("…")) {
        Set<String> actualFields = new HashSet<>();
        actual.fieldNames().forEachRemaining(actualFields::add);
        assertThat(actualFields).as("fields of %s in %s", path, what).isEqualTo(shownFields);
      }
      for (String field : shownFields) {
        assertThat(actual.has(field)).as("%s.%s in %s", path, field, what).isTrue();
        match(expected.get(field), actual.get(field), path + "." + field, what);
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as("%s is an array in %s", path, what).isTrue();
      assertThat(actual.size()).as("size of %s in %s", path, what).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        match(expected.get(i), actual.get(i), path + "[" + i + "]", what);
      }
    } else if (expected.isTextual() && isDateTime(expected.asText())) {
      assertThat(isDateTime(actual.asText())).as("%s is a date-time in %s", path, what).isTrue();
    } else {
      assertThat(actual).as("%s in %s", path, what).isEqualTo(expected);
    }
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
