package org.osce.vienna.notification;

import java.util.Locale;
import java.util.Map;
import org.osce.vienna.casefile.Groups;
import org.springframework.stereotype.Component;

/**
 * The e-mail address of a recipient as {@link CaseNotices} names it: a delegation's groups
 * ({@code delegation-gb}, and {@code heads-gb}, whose notices go to the same delegation mailbox) or
 * a State's mission ({@code mission-by}).
 */
@Component
public class MailAddresses {

  private final MailSettings settings;

  public MailAddresses(MailSettings settings) {
    this.settings = settings;
  }

  public String of(String recipient) {
    String id = recipient.toLowerCase(Locale.ROOT);
    if (id.startsWith(Groups.DELEGATION_PREFIX)) {
      return address(id.substring(Groups.DELEGATION_PREFIX.length()), settings.delegationAddresses(),
          settings.delegationAddressPattern());
    }
    if (id.startsWith(Groups.HEADS_PREFIX)) {
      return address(id.substring(Groups.HEADS_PREFIX.length()), settings.delegationAddresses(),
          settings.delegationAddressPattern());
    }
    if (id.startsWith(CaseNotices.MISSION_PREFIX)) {
      return address(id.substring(CaseNotices.MISSION_PREFIX.length()), settings.missionAddresses(),
          settings.missionAddressPattern());
    }
    throw new IllegalArgumentException("No e-mail address for recipient '" + recipient + "'");
  }

  private static String address(String code, Map<String, String> overrides, String pattern) {
    String override = overrides.get(code);
    return override != null && !override.isBlank() ? override.strip()
        : pattern.replace(MailSettings.CODE_PLACEHOLDER, code);
  }
}
