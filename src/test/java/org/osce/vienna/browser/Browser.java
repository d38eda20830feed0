package org.osce.vienna.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) as a person uses Tasklist
 * and Cockpit: logs in, clicks filters and tasks, fills Camunda Forms (form-js) field by field, and
 * takes a screenshot of each step.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path screenshots;

  Browser(String baseUrl, Path screenshots) {
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1280,800", "--lang=en-GB");
    // No password manager: it could fill in the previous user's name or password at the next login.
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
        "profile.password_manager_enabled", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver given explicitly: Selenium Manager would try to download one.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // Screenshots of 1280 x 800: the window is that much larger than its page area.
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;");
    driver.manage().window().setSize(new Dimension(1280, (int) (800 + 800 - height)));
  }

  static boolean available() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  // ---- sessions

  /** Logs out whoever was logged in and logs {@code user} in to {@code app} (tasklist, cockpit), password = user id. */
  void login(String app, String user) {
    // Forget the previous user on a page of the webapps' path that runs no script: on an app's page, a request
    // still in flight while the cookies are deleted would open a new session whose CSRF token cookie is then
    // deleted too, and the next login would be refused (403) for want of it.
    driver.get(baseUrl + "/camunda/api/engine/engine/");
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    By form = By.cssSelector("form[name=signinForm]");
    WebElement name = waitVisible(By.cssSelector("form[name=signinForm] input[type=text]"));
    WebElement password = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
    enter(name, user);
    enter(password, user);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    try {
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(form));
    } catch (TimeoutException e) {
      Path shot = shot("login-failed-" + app + "-" + user);
      throw new AssertionError(user + " could not log in to " + app + " (screenshot " + shot + "); the page shows: "
          + text() + "; the browser's console: " + console(), e);
    }
    pause(2000);
  }

  /** Types into an input of an Angular form and checks that the form took the whole value. */
  private void enter(WebElement input, String value) {
    input.click();
    input.clear();
    input.sendKeys(value);
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> value.equals(input.getDomProperty("value")));
  }

  /** What the page logged to the browser's console (errors of failed requests among them). */
  String console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().toString();
  }

  /** The result of an asynchronous script in the page: it calls its last argument with what it found. */
  Object asyncScript(String script) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return ((JavascriptExecutor) driver).executeAsyncScript(script);
  }

  void go(String pathAndFragment) {
    driver.get(baseUrl + pathAndFragment);
    pause(1500);
  }

  /** The screenshot of the window as it is, saved as {@code name}.png. */
  Path shot(String name) {
    pause(400);
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Tasklist

  void filter(String name) {
    click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), \"" + name + "\")]"));
    pause(1500);
  }

  /** The task list as the user reads it: each entry's text (name, process, column values, assignee). */
  List<String> taskList() {
    waitVisible(By.cssSelector(".tasks-list"));
    // The list fills in after the filter's query returns, which on a busy machine takes more than the
    // pause after choosing a filter: wait for its first entry (an empty list is waited out, then read).
    try {
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list > li")));
    } catch (TimeoutException empty) {
      // Nothing in the list: the caller asserts on what the user sees, an empty list.
    }
    return driver.findElements(By.cssSelector(".tasks-list > li")).stream().map(WebElement::getText).toList();
  }

  void openTask(String name) {
    click(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + name + "\")]"));
    waitVisible(By.cssSelector(".fjs-form"));
    pause(1000);
    List<WebElement> claim = driver.findElements(By.xpath("//button[normalize-space(.)='Claim']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      pause(1500);
    }
  }

  /** Opens "Start process", picks the process by name and waits for its start form. */
  void startProcess(String processName) {
    click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
    click(By.xpath("//*[contains(@class,'modal-content')]//a[contains(normalize-space(.), \"" + processName + "\")]"));
    try {
      // A start form is fetched and drawn after the click: on a loaded machine that has taken over 30 s.
      new WebDriverWait(driver, WAIT.multipliedBy(2))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content .fjs-form")));
    } catch (TimeoutException e) {
      shot("start-form-timed-out");
      throw new AssertionError("The start form of \"" + processName + "\" did not show; the page shows: " + text()
          + "; the browser logged: " + console(), e);
    }
    pause(800);
  }

  /** Clicks "Start" and returns what Tasklist then says (its confirmation lasts three seconds: read at once). */
  String submitStart() {
    click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']"));
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !notifications().isEmpty());
    } catch (TimeoutException e) {
      // Nothing said: the caller asserts on what the user sees.
    }
    String said = notifications();
    pause(2500);
    return said;
  }

  /** Completes the open task: "Complete" as the filled form leaves it, with no "Save" first. */
  void complete() {
    By complete = By.xpath("//*[contains(@class,'form-actions')]//button[normalize-space(.)='Complete']");
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));
    } catch (TimeoutException e) {
      Path shot = shot("complete-disabled");
      throw new AssertionError("\"Complete\" stays disabled (screenshot " + shot + "); the page shows: " + text(), e);
    }
    // Scrolled to the middle of the window first: at its foot, Tasklist's footer or notifications lie over it.
    click(complete);
    pause(2500);
  }

  /** Whether the open task's "Complete" can be clicked. */
  boolean completeEnabled() {
    return driver.findElement(By.xpath("//*[contains(@class,'form-actions')]//button[normalize-space(.)='Complete']"))
        .isEnabled();
  }

  /**
   * The lines of the notification shown (a refused form's: Tasklist's heading, then the server's message),
   * once it has appeared; then closes it with its ×, as a user does, so that it covers nothing.
   */
  List<String> readAndCloseNotification() {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> notifications().lines().anyMatch(l -> !l.equals("×")));
    List<String> lines = notifications().lines().filter(l -> !l.equals("×")).toList();
    // The page's panel, or a start form's inside its dialog: the one shown.
    driver.findElements(By.xpath("//*[contains(@class,'notifications')]//button[normalize-space(.)='×']")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow(() -> new AssertionError("no × on the notification"))
        .click();
    pause(300);
    return lines;
  }

  /** The texts of the notifications shown (errors of a refused form, confirmations). */
  String notifications() {
    for (int attempt = 1; ; attempt++) {
      try {
        return driver.findElements(By.cssSelector(".notifications")).stream().map(WebElement::getText)
            .filter(t -> !t.isBlank()).reduce("", (a, b) -> a + " " + b).trim();
      } catch (StaleElementReferenceException e) {
        // A notification came or went between finding and reading them: read them again.
        if (attempt == 3) {
          throw e;
        }
        pause(200);
      }
    }
  }

  // ---- Camunda Forms (form-js): fields are found by the form's field id

  private static By field(String id) {
    return By.cssSelector("[id$='-" + id + "']");
  }

  /** Types into a text field or text area, replacing what is there. */
  void type(String fieldId, String text) {
    WebElement input = waitVisible(field(fieldId));
    scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    input.sendKeys(text);
    // form-js takes a text field's value after a short debounce; leaving earlier validates the old value.
    pause(400);
  }

  /** What a field shows: a text field's text, a select's chosen label. */
  String shown(String fieldId) {
    return waitVisible(field(fieldId)).getDomProperty("value");
  }

  /** Picks an entry of a (searchable) select by its label. */
  void select(String fieldId, String label) {
    WebElement input = waitVisible(field(fieldId));
    scrollTo(input);
    input.click();
    input.sendKeys(label);
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.), \"" + label + "\")]"));
    pause(300);
  }

  /** Adds tags to a tag list by their labels. */
  void tags(String fieldId, String... labels) {
    for (String label : labels) {
      select(fieldId, label);
    }
    driver.findElement(field(fieldId)).sendKeys(Keys.ESCAPE);
    pause(300);
  }

  /**
   * Sets a datetime field's date and time (24 h) as a person does: the date typed in the format the field's
   * placeholder shows (the browser's locale, e.g. mm/dd/yyyy), then the time; Tab leaves the field.
   */
  void dateTime(String fieldId, LocalDateTime at) {
    typeDate(fieldId, at.format(DateTimeFormatter.ofPattern(datePattern(fieldId))));
    WebElement time = driver.findElement(field(fieldId + "-time"));
    time.click();
    time.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    time.sendKeys(at.format(DateTimeFormatter.ofPattern("HH:mm")), Keys.TAB);
    pause(400);
  }

  /** Types {@code text} into a datetime field's date and presses Enter, as a person types a date. */
  void typeDate(String fieldId, String text) {
    WebElement date = waitVisible(field(fieldId + "-date"));
    scrollTo(date);
    date.click();
    date.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    date.sendKeys(text, Keys.ENTER);
    pause(300);
  }

  /** The java.time pattern of the date format a datetime field's placeholder shows: "dd/mm/yyyy" as "dd/MM/yyyy". */
  String datePattern(String fieldId) {
    return waitVisible(field(fieldId + "-date")).getDomAttribute("placeholder").replace('m', 'M');
  }

  /** The text of the field's error messages, empty when it shows none. */
  String fieldErrors(String fieldId) {
    WebElement input = waitVisible(field(fieldId + "-date"));
    WebElement formField = input.findElement(By.xpath("ancestor::*[contains(@class,'fjs-form-field')][1]"));
    return formField.findElements(By.cssSelector(".fjs-form-field-error, .vf-date-refused")).stream()
        .map(WebElement::getText).reduce("", (a, b) -> (a + " " + b).trim());
  }

  /** The date a datetime field shows. */
  String dateShown(String fieldId) {
    return waitVisible(field(fieldId + "-date")).getDomProperty("value");
  }

  /** Chooses the option at {@code index} (0-based) of a radio group or check list. */
  void option(String fieldId, int index) {
    click(By.cssSelector("label[for$='-" + fieldId + "-" + index + "']"));
    pause(300);
  }

  /**
   * Attaches {@code file} below "Register the response" as a document of {@code kind} (the option's value), as a
   * person chooses the file and presses "Attach"; returns the message the panel then shows.
   */
  String attach(String kind, Path file) {
    WebElement input = waitVisible(By.id("vf-attach-file"));
    scrollTo(input);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("vf-attach-kind"))).selectByValue(kind);
    input.sendKeys(file.toAbsolutePath().toString());
    click(By.id("vf-attach-button"));
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
        !d.findElement(By.cssSelector(".vf-attach-message")).getText().isBlank());
    return driver.findElement(By.cssSelector(".vf-attach-message")).getText();
  }

  /** Adds an entry to a dynamic list (its "Add new" button). */
  void addListItem(String listId) {
    click(By.cssSelector("[aria-labelledby$='-" + listId + "'] button.fjs-repeat-render-add"));
    pause(300);
  }

  // ---- Cockpit

  /** In a process definition's instances, searches by business key, as a person types it into the search box. */
  void searchBusinessKey(String businessKey) {
    click(By.cssSelector("[cam-widget-search] input"));
    click(By.xpath("//*[@cam-widget-search]//li//a[normalize-space(.)='Business Key']"));
    // The new criterion opens its value for editing; if it has not (yet), a click on the value does.
    By value = By.cssSelector("[cam-widget-search] .value-field");
    By valueInput = By.cssSelector("[cam-widget-search] .value-field input");
    waitVisible(value);
    pause(500);
    for (int attempt = 1; ; attempt++) {
      try {
        if (driver.findElements(valueInput).isEmpty()) {
          click(value);
        }
        waitVisible(valueInput).sendKeys(businessKey, Keys.ENTER);
        break;
      } catch (StaleElementReferenceException e) {
        // The widget re-rendered the new criterion between finding its input and typing: find it again.
        if (attempt == 3) {
          throw e;
        }
        pause(500);
      }
    }
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(value, businessKey));
    pause(2500);
  }

  // ---- Cockpit's Cases (our plugin)

  /** Chooses the option of value {@code value} in the native select of id {@code id}. */
  void choose(String id, String value) {
    WebElement select = waitVisible(By.id(id));
    scrollTo(select);
    new Select(select).selectByValue(value);
    pause(500);
  }

  // ---- generic

  /**
   * Fetches {@code path} from the page, as the page's own request (its cookies, its session): the
   * answer's status and media type, e.g. "200 application/pdf".
   */
  String fetch(String path) {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: "same-origin"})
            .then(r => done(r.status + " " + (r.headers.get("Content-Type") || "").split(";")[0]))
            .catch(e => done("failed: " + e));""", path);
    return String.valueOf(answer);
  }

  void scrollTo(By by) {
    scrollTo(waitVisible(by));
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String textOf(By by) {
    return waitVisible(by).getText();
  }

  void click(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement element = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
        scrollTo(element);
        try {
          element.click();
        } catch (ElementClickInterceptedException e) {
          ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
        return;
      } catch (StaleElementReferenceException e) {
        // Angular re-rendered the element between finding and clicking it: find it again.
        if (attempt == 3) {
          throw e;
        }
        pause(500);
      }
    }
  }

  WebElement waitVisible(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the page's text satisfies {@code condition}, reloading it (e.g. a task list) every few seconds. */
  void waitForText(Supplier<Boolean> condition, Runnable reload, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out waiting; the page shows: " + text());
      }
      pause(2000);
      reload.run();
    }
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
