package org.osce.vienna.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The plain-text bodies of the messages, from Thymeleaf text templates in
 * {@code templates/mail/<name>.txt}. An engine of its own: the application's engine renders HTML.
 */
@Component
public class MailTemplates {

  static final String PREFIX = "templates/mail/";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(PREFIX);
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    engine.setTemplateResolver(resolver);
  }

  public String render(String template, Map<String, ?> variables) {
    Context context = new Context(Locale.ENGLISH);
    variables.forEach(context::setVariable);
    return engine.process(template, context);
  }
}
