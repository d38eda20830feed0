package org.osce.vienna.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code vienna.request-body.*}: the largest request body accepted, and larger ones for the addresses
 * that take documents (docs/operations.md, "Configuration").
 */
@Validated
@ConfigurationProperties(prefix = "vienna.request-body")
public record RequestBodySettings(@NotNull DataSize maxSize, @Valid List<PathLimit> paths) {

  /** A larger (or smaller) limit for the paths matching {@code path}, e.g. {@code /api/cases/*}{@code /documents}. */
  public record PathLimit(@NotBlank String path, @NotNull DataSize maxSize) {
  }

  public RequestBodySettings {
    paths = paths == null ? List.of() : List.copyOf(paths);
  }

  /** The limit in bytes for a path inside the application (without the context path): the first entry that matches, else the default. */
  public long limitFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (PathLimit limit : paths) {
      PathPattern pattern = PathPatternParser.defaultInstance.parse(limit.path());
      if (pattern.matches(container)) {
        return limit.maxSize().toBytes();
      }
    }
    return maxSize.toBytes();
  }
}
