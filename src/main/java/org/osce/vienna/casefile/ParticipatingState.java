package org.osce.vienna.casefile;

import java.util.List;
import java.util.Locale;

/**
 * One of the 57 OSCE participating States.
 *
 * @param code ISO 3166 alpha-2, upper case (e.g. {@code GB})
 * @param name the current English name (e.g. {@code United Kingdom}), used for sorting
 * @param nameInText the name as written in running text (e.g. {@code the United Kingdom})
 * @param formerNames names accepted on input and never written (e.g. {@code Czech Republic})
 */
public record ParticipatingState(String code, String name, String nameInText, List<String> formerNames) {

  /** The lower-case code used in group ids such as {@code delegation-gb}. */
  public String groupSuffix() {
    return code.toLowerCase(Locale.ROOT);
  }
}
