/*
 * Camunda Forms in Tasklist 7.24 (form-js 1.8), two corrections; plain JavaScript, no build step. Tasklist
 * loads this module (api/tasklist/plugin/vienna-forms/static/app/plugin.js) before it starts; it adds no view.
 *
 * 1. "Complete" follows the errors the form shows. Tasklist greys "Complete" out while form-js's state has any
 *    key in `errors`; form-js clears a field's error by setting errors[field][index] to undefined, which for a
 *    field of a dynamic list leaves errors[field] behind as an empty entry. So after the first change in a
 *    dynamic list (concerns, questions, assessments) "Complete" stayed grey until "Save" validated the form
 *    afresh. After each change we tell Tasklist's form whether the form shows an error: a field with an error
 *    is always shown with it, and "Complete" still validates the whole form before it submits.
 * 2. A typed date must be a date of the field's format. flatpickr reads "11/29/2026" in a dd/mm/yyyy field as
 *    day 11 of month 29, i.e. 11 May 2028, and takes it without a word. Such a text is refused before the date
 *    picker reads it, with a message under the field that says how to write the date; "Complete" stays grey
 *    while the message is shown.
 * 3. Starting names the case. Tasklist confirms a start with "The process has been started." for three
 *    seconds; a start form with a case reference (field Field_Reference) adds "Started for case VM-…".
 * 4. The reply's files. Camunda Forms 1.8 have no file field: below "Register the response" (the form with
 *    Field_ResponseReference) the officer attaches the reply's files, each kept with the case at once
 *    (POST /api/cases/{reference}/documents with the Tasklist login and its CSRF token), and sees those kept.
 */

const REFUSED = "vf-date-refused";
const DATE_INPUT = ".fjs-datepicker input";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

// ---- 1. "Complete" follows the errors shown

function showsErrors(container) {
  return container.querySelector(".fjs-has-errors, .fjs-form-field-error, ." + REFUSED) !== null;
}

function followShownErrors() {
  const angular = window.angular;
  if (!angular) {
    return;
  }
  document.querySelectorAll(".fjs-container").forEach(container => {
    const form = angular.element(container).controller("camTasklistForm");
    if (form) {
      // Tasklist's own call (it also refreshes the buttons): Complete and Start are enabled unless invalid.
      form.notifyFormValidated(showsErrors(container));
    }
  });
}

let pending = [];

/** After form-js has taken the change: at once, and after its debounce of typed text (300 ms). */
function followSoon() {
  pending.forEach(clearTimeout);
  pending = [setTimeout(followShownErrors, 50), setTimeout(followShownErrors, 600)];
}

["input", "change", "click", "keyup", "focusout"].forEach(type =>
  document.addEventListener(type, event => {
    if (event.target instanceof Element && event.target.closest(".fjs-container")) {
      followSoon();
    }
  }, true));

// ---- 2. a typed date that is not a date of the field's format is refused

/** The order of day, month and year in a placeholder such as "dd/mm/yyyy": ["d", "m", "y"]. */
function order(placeholder) {
  return (placeholder.match(/d+|m+|y+/g) || ["m", "d", "y"]).map(part => part[0]);
}

/** 4 November 2021 written in the field's format, e.g. "04/11/2021". */
function example(placeholder) {
  const values = {d: "04", m: "11", y: "2021"};
  return placeholder.replace(/d+|m+|y+/g, part => values[part[0]]);
}

/** Why {@code text} is not a date of the format {@code placeholder}, or null when it is one (or is empty). */
function whyNotADate(text, placeholder) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  const parts = trimmed.split(/\D+/).filter(part => part);
  const names = order(placeholder);
  if (parts.length !== 3 || /[^\d\s./-]/.test(trimmed)) {
    return "it is not a date";
  }
  const value = {};
  names.forEach((name, i) => {
    value[name] = Number(parts[i]);
  });
  if (parts[names.indexOf("y")].length !== 4) {
    return "the year needs four digits";
  }
  if (value.m < 1 || value.m > 12) {
    return value.m + " is not a month";
  }
  const date = new Date(value.y, value.m - 1, value.d);
  if (value.d < 1 || date.getDate() !== value.d || date.getMonth() !== value.m - 1) {
    return MONTHS[value.m - 1] + " " + value.y + " has no day " + value.d;
  }
  return null;
}

function field(input) {
  return input.closest(".fjs-form-field") || input.parentElement;
}

function clearRefusal(input) {
  const shown = field(input).querySelector("." + REFUSED);
  if (shown) {
    shown.remove();
  }
  input.removeAttribute("aria-invalid");
}

function showRefusal(input, why) {
  clearRefusal(input);
  const placeholder = input.getAttribute("placeholder") || "mm/dd/yyyy";
  const message = document.createElement("div");
  message.className = REFUSED;
  message.setAttribute("role", "alert");
  message.textContent = "\u201c" + input.value.trim() + "\u201d is not a date written " + placeholder + ": " + why
      + ". Write it as " + placeholder + ", e.g. " + example(placeholder) + " for 4 November 2021.";
  input.setAttribute("aria-invalid", "true");
  field(input).appendChild(message);
}

/** Checks the typed date before the date picker reads it (on Enter, or on leaving the field). */
function checkTypedDate(event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.matches(DATE_INPUT)) {
    return;
  }
  if (event.type === "keydown" && event.key !== "Enter") {
    return;
  }
  const why = whyNotADate(input.value, input.getAttribute("placeholder") || "mm/dd/yyyy");
  if (why === null) {
    clearRefusal(input);
    return;
  }
  // Neither flatpickr nor form-js sees this Enter or blur: the field keeps its last good date (or none).
  event.stopImmediatePropagation();
  event.preventDefault();
  showRefusal(input, why);
  followSoon();
}

window.addEventListener("keydown", checkTypedDate, true);
window.addEventListener("blur", checkTypedDate, true);
window.addEventListener("input", event => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.matches(DATE_INPUT)
      && whyNotADate(input.value, input.getAttribute("placeholder") || "") === null) {
    clearRefusal(input);
  }
}, true);

// ---- 3. the case a start form started, named in the confirmation

const STARTED = "The process has been started.";

function notifications() {
  return Array.from(document.querySelectorAll(".notifications")).map(shown => shown.textContent).join(" ");
}

/** Tasklist's own notifications (its Angular service), so the message looks and goes like Tasklist's. */
function confirmStarted(reference) {
  const angular = window.angular;
  const injector = angular.element(document.documentElement).injector() || angular.element(document.body).injector();
  injector.get("Notifications").addMessage({status: "Started for case " + reference, duration: 15000});
  injector.get("$rootScope").$applyAsync();
}

document.addEventListener("click", event => {
  const button = event.target instanceof Element && event.target.closest(".modal-footer button");
  if (!button || button.textContent.trim() !== "Start") {
    return;
  }
  const input = button.closest(".modal-content").querySelector(".fjs-container input[id$='-Field_Reference']");
  const reference = input && input.value.trim();
  if (!reference) {
    return;
  }
  // Only once Tasklist says it started: a refused start shows its error instead.
  const until = Date.now() + 15000;
  const watch = setInterval(() => {
    if (notifications().includes(STARTED)) {
      clearInterval(watch);
      confirmStarted(reference);
    } else if (Date.now() > until) {
      clearInterval(watch);
    }
  }, 200);
}, true);

// ---- 4. the reply's files, attached below "Register the response"

const ATTACH = "vf-attach";
const ROOT = (document.querySelector("base").getAttribute("app-root") || "").replace(/\/[^/]*$/, "");
const ENGINE = ROOT + "/camunda/api/engine/engine/default";
const KINDS = [["REPLY", "The reply, or a file of it"], ["ANNEX", "An annex"], ["NOTE_VERBALE", "A note verbale"],
  ["OTHER", "Another paper"]];

function element(tag, attributes, ...children) {
  const made = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
  children.forEach(child => made.append(child));
  return made;
}

async function json(url, options) {
  const response = await fetch(url, Object.assign({credentials: "same-origin", headers: {Accept: "application/json"}},
      options));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.message || response.statusText);
  }
  return body;
}

/** The case of the task open in Tasklist (?task=… in the address): the business key of its process instance. */
async function caseOfOpenTask() {
  const taskId = new URLSearchParams(window.location.hash.replace(/^[^?]*\?/, "")).get("task");
  const task = await json(ENGINE + "/task/" + encodeURIComponent(taskId));
  return (await json(ENGINE + "/process-instance/" + encodeURIComponent(task.processInstanceId))).businessKey;
}

function csrfToken() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

async function showAttached(list, reference) {
  const documents = (await json(ROOT + "/api/cases/" + encodeURIComponent(reference))).documents || [];
  list.replaceChildren(...(documents.length === 0 ? [element("li", {}, "None yet.")]
      : documents.map(d => element("li", {}, d.name + " (" + KINDS.find(k => k[0] === d.kind)[1].toLowerCase()
          + ", " + Math.max(1, Math.round(d.size / 1024)) + " KB)"))));
}

function attachPanel(reference) {
  const list = element("ul", {class: "vf-attached"});
  const kind = element("select", {class: "form-control", id: "vf-attach-kind"},
      ...KINDS.map(([value, shown]) => element("option", {value}, shown)));
  const file = element("input", {type: "file", id: "vf-attach-file", accept: ".pdf,.doc,.docx,.png,.jpg,.jpeg,.tif,.tiff"});
  const button = element("button", {type: "button", class: "btn btn-default", id: "vf-attach-button"}, "Attach");
  const message = element("p", {class: "vf-attach-message", role: "status"});
  button.addEventListener("click", async () => {
    if (!file.files.length) {
      message.textContent = "Choose a file first.";
      return;
    }
    const body = new FormData();
    body.append("kind", kind.value);
    body.append("file", file.files[0]);
    button.disabled = true;
    try {
      const kept = await json(ROOT + "/api/cases/" + encodeURIComponent(reference) + "/documents",
          {method: "POST", body, headers: {Accept: "application/json", "X-XSRF-TOKEN": csrfToken()}});
      message.textContent = "Attached to case " + reference + ": " + kept.name + ".";
      file.value = "";
      await showAttached(list, reference);
    } catch (refused) {
      message.textContent = "Not attached: " + refused.message;
    } finally {
      button.disabled = false;
    }
  });
  const panel = element("section", {class: ATTACH},
      element("h4", {}, "Files of the reply (optional)"),
      element("p", {}, "PDF, Word or images, at most 20 MB each. A file is kept with case " + reference
          + " as soon as you attach it, whether or not you complete this task now."),
      list,
      element("div", {class: "vf-attach-controls"},
          element("label", {for: "vf-attach-kind"}, "What it is"), kind,
          element("label", {for: "vf-attach-file"}, "File"), file, button),
      message);
  showAttached(list, reference).catch(error => {
    list.replaceChildren(element("li", {}, "The files kept could not be read: " + error.message));
  });
  return panel;
}

// Tasklist draws a task's form when it opens: each new "Register the response" form gets the panel once.
new MutationObserver(() => {
  document.querySelectorAll(".fjs-container").forEach(container => {
    if (!container.querySelector("[id$='-Field_ResponseReference']")
        || container.parentElement.querySelector(":scope > ." + ATTACH + ", :scope > .vf-attach-pending")) {
      return;
    }
    const pending = element("p", {class: "vf-attach-pending"}, "");
    container.after(pending);
    caseOfOpenTask()
        .then(reference => pending.replaceWith(attachPanel(reference)))
        .catch(() => pending.remove());
  });
}).observe(document.documentElement, {childList: true, subtree: true});

// A module of Tasklist's plugin mechanism: no views of its own.
export default [];
