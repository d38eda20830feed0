package org.osce.vienna.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list: {@code page} (0-based) of {@code size} items, or the whole list when the request names neither. The items stay the answer's body (a JSON
 * array, as before paging, so that no existing reader breaks); the total and the way to the other pages go
 * in headers: {@code X-Total-Count}, and an RFC 8288 {@code Link} with the relations first, prev, next and
 * last, each the same request with another {@code page}.
 */
record Paging(int page, int size) {

  static final String PAGE = "page";
  static final String SIZE = "size";
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final String TOTAL_COUNT = "X-Total-Count";

  /** The whole list in one answer: what a reader asks that names neither {@code page} nor {@code size}. */
  static final Paging ALL = new Paging(0, Integer.MAX_VALUE);

  /**
   * The page asked for, or {@link #ALL} when neither is said: a reader written before paging still gets every case
   * (a list cut at 50 without a word would lose cases for it). Each bad value goes into {@code errors}.
   */
  static Paging read(String page, String size, Map<String, String> errors) {
    if (page == null && size == null) {
      return ALL;
    }
    return new Paging(number(page, PAGE, 0, Integer.MAX_VALUE, 0, errors),
        number(size, SIZE, 1, MAX_SIZE, DEFAULT_SIZE, errors));
  }

  private static int number(String value, String name, int min, int max, int otherwise, Map<String, String> errors) {
    if (value == null) {
      return otherwise;
    }
    String range = max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
    String refusal = "must be a whole number " + range + ", not '" + value + "'";
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Refused below, as a number out of range is.
    }
    errors.put(name, refusal);
    return otherwise;
  }

  /** How many items come before this page. */
  long offset() {
    return (long) page * size;
  }

  /** {@code X-Total-Count} and the {@code Link}s to the pages around this one, relative to the request's path. */
  HttpHeaders headers(long total, HttpServletRequest http) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(TOTAL_COUNT, Long.toString(total));
    if (this == ALL) {
      return headers;
    }
    long last = total == 0 ? 0 : (total - 1) / size;
    // The request's query is parsed once; each link changes the page of a copy.
    UriComponentsBuilder request = UriComponentsBuilder.fromPath(http.getRequestURI()).query(http.getQueryString());
    List<String> links = new ArrayList<>();
    links.add(link(request, 0, "first"));
    if (page > 0) {
      // From beyond the end, "prev" leads back to the last page that has items.
      links.add(link(request, Math.min(page - 1, last), "prev"));
    }
    if (page < last) {
      links.add(link(request, page + 1, "next"));
    }
    links.add(link(request, last, "last"));
    headers.set(HttpHeaders.LINK, String.join(", ", links));
    return headers;
  }

  private String link(UriComponentsBuilder request, long target, String relation) {
    String uri = request.cloneBuilder().replaceQueryParam(PAGE, target).replaceQueryParam(SIZE, size).build()
        .toUriString();
    return "<" + uri + ">; rel=\"" + relation + "\"";
  }
}
