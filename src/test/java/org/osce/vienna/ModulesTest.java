package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules and their order: a phase uses earlier phases, the case file and the engine glue,
 * nothing later (each module's package-info lists what it may use); api, notification and identity
 * are leaves that nothing uses. Also draws the map of the modules that README shows.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ViennaMechanismApplication.class);
  static final List<String> LEAVES = List.of("api", "notification", "identity");

  @Test
  void eachModuleUsesOnlyWhatItsPackageInfoAllows() {
    MODULES.verify();
  }

  @Test
  void nothingUsesTheLeaves() {
    for (ApplicationModule module : MODULES) {
      for (String leaf : LEAVES) {
        assertThat(module.getDirectDependencies(MODULES).containsModuleNamed(leaf))
            .as("%s uses %s", module.getIdentifier(), leaf).isFalse();
      }
    }
  }

  /** The Documenter lists modules and relations in no stable order: sorted, the files change only with the code. */
  static String sortedRuns(String puml) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String line : puml.split("\n", -1)) {
      if (line.trim().startsWith("Rel(") || line.trim().startsWith("Component(")) {
        run.add(line);
        continue;
      }
      Collections.sort(run);
      out.addAll(run);
      run.clear();
      out.add(line);
    }
    Collections.sort(run);
    out.addAll(run);
    return String.join("\n", out);
  }

  /**
   * Draws the map README shows: docs/modules.puml (the Documenter's) and docs/modules.svg, drawn from it
   * without Graphviz. When the modules' dependencies changed, it writes both anew and fails, so that the
   * map committed with the code is the code's.
   */
  @Test
  void theModuleDiagramInDocsIsTheCodes() throws IOException {
    Path folder = Path.of("target", "spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeModulesAsPlantUml();
    String puml = sortedRuns(Files.readString(folder.resolve("components.puml")));
    Path committed = Path.of("docs", "modules.puml");
    String before = Files.exists(committed) ? Files.readString(committed) : "";
    Files.createDirectories(committed.getParent());
    Files.writeString(committed, puml);

    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    new SourceStringReader(puml.replace("@startuml", "@startuml\n!pragma layout smetana"))
        .outputImage(svg, new FileFormatOption(FileFormat.SVG));
    String drawn = svg.toString(StandardCharsets.UTF_8);
    Files.writeString(Path.of("docs", "modules.svg"), drawn);

    assertThat(before).as("docs/modules.puml as committed; it is now redrawn: commit docs/modules.*")
        .isEqualTo(puml);
    for (ApplicationModule module : MODULES) {
      // PlantUML writes each word of a name as a text of its own
      for (String word : module.getDisplayName().split(" ")) {
        assertThat(drawn.contains(">" + word + "</text>")).as("the diagram names module %s", module.getIdentifier())
            .isTrue();
      }
    }
  }
}
