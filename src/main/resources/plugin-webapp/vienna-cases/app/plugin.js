/*
 * Cases in Cockpit: every Vienna Mechanism case the user may see, running and closed, from the case API
 * (GET /api/cases, GET /api/cases/{reference}) with the Cockpit login. Cockpit of the Community Edition
 * shows running process instances only; a case's history is kept in the application's own tables, which
 * the case API reads. The API decides what the user sees (managers: every case). Plain JavaScript, no build
 * step: Cockpit loads this module (api/cockpit/plugin/vienna-cases/static/app/plugin.js) with plugin.css.
 */

import {el} from "./dom.js";
import {renderStatistics} from "./statistics.js";

// The case API sits beside the webapps: app-root is <context path>/camunda.
const appRoot = document.querySelector("base").getAttribute("app-root") || "";
const API = appRoot.replace(/\/[^/]*$/, "") + "/api/cases";
const FILTERS = "vienna-cases-filters";
const STATUSES = ["DRAFTING", "SIGN_OFF", "DELIVERY", "AWAITING_RESPONSE", "ASSESSMENT", "FOLLOW_UP", "CLOSED", "WITHDRAWN"];

/** "2026-05-04T10:30:00+02:00" as "2026-05-04 10:30" (the case API gives Vienna time). */
function time(iso) {
  return iso ? iso.substring(0, 16).replace("T", " ") : "—";
}

function isPast(iso) {
  return iso && new Date(iso).getTime() < Date.now();
}

/** A status, event or action as words: SIGN_OFF_OPENED as "Sign-off opened". */
function label(name) {
  if (!name) {
    return "—";
  }
  const words = (name.charAt(0) + name.slice(1).toLowerCase()).replace(/_/g, " ");
  return words.replace(/\b(co|sign|follow) (signing|off|up)\b/gi, "$1-$2");
}

async function read(url) {
  const response = await fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"});
  if (!response.ok) {
    let detail = "";
    try {
      detail = (await response.json()).detail || "";
    } catch (notJson) {
      // The status says enough.
    }
    throw new Error(response.status === 401 ? "Your login has ended: log in again." : detail || response.statusText);
  }
  return response;
}

async function get(path) {
  return (await read(API + path)).json();
}

/**
 * Every case the user may see: the list comes a page at a time (at most 200 cases), each page's Link header
 * (RFC 8288) naming the next one; the filters below then choose among them all, as before the list paged.
 */
async function allCases() {
  const cases = [];
  let next = API + "?size=200";
  while (next) {
    const response = await read(next);
    cases.push(...await response.json());
    const link = /<([^>]*)>\s*;\s*rel="next"/.exec(response.headers.get("Link") || "");
    next = link ? new URL(link[1], response.url).href : null;
  }
  return cases;
}

/** The response deadline as the list and the case show it: red when passed without a response, or missed. */
function responseDeadline(c) {
  const due = c.responseDueAt;
  if (!due) {
    return el("span", {}, "—");
  }
  const response = c.response || {};
  if (response.status === "PENDING" && isPast(due)) {
    return el("span", {class: "vm-overdue", title: "Passed without a response"}, time(due) + " (overdue)");
  }
  if (response.status === "LATE" || response.status === "NONE") {
    return el("span", {class: "vm-overdue", title: "The deadline was missed"}, time(due));
  }
  return el("span", {}, time(due));
}

function responseText(c) {
  const response = c.response || {};
  switch (response.status) {
    case "ON_TIME":
      return el("span", {}, "received " + time(response.receivedAt) + ", on time");
    case "LATE":
      return el("span", {class: "vm-overdue"}, "received " + time(response.receivedAt) + ", "
          + response.daysLate + (response.daysLate === 1 ? " day" : " days") + " late");
    case "NONE":
      return el("span", {class: "vm-overdue"}, "no response received");
    default:
      return el("span", {}, c.responseDueAt ? "awaited" : "—");
  }
}

// ---------------------------------------------------------------- the list

function savedFilters() {
  try {
    return JSON.parse(sessionStorage.getItem(FILTERS)) || {};
  } catch (unreadable) {
    return {};
  }
}

function select(name, text, values, chosen, onChange) {
  const control = el("select", {class: "form-control input-sm", name, id: "vm-filter-" + name},
      el("option", {value: ""}, "all"),
      values.map(([value, shown]) => el("option", {value, selected: value === chosen}, shown)));
  control.addEventListener("change", () => onChange(name, control.value));
  return el("div", {class: "form-group"}, el("label", {for: "vm-filter-" + name}, text), " ", control);
}

function renderList(node) {
  const filters = savedFilters();
  const controls = el("div", {class: "form-inline vm-filters"});
  const table = el("div", {class: "vm-table"});
  node.appendChild(el("section", {class: "vm-cases"},
      el("h1", {class: "section-title"}, "Cases"),
      el("p", {class: "vm-lead"}, "Every Vienna Mechanism case you may see, running and closed. Open a case for its"
          + " deadlines, signatories, reply and timeline. Times are Vienna time."),
      controls, table));
  table.appendChild(el("p", {}, "Loading…"));

  allCases().then(cases => {
    const distinct = pick => [...new Set(cases.map(pick).filter(Boolean))].sort();
    const redraw = () => {
      const shown = cases.filter(c => (!filters.addressee || c.addresseeState === filters.addressee)
          && (!filters.lead || c.leadDelegation === filters.lead)
          && (!filters.status || c.status === filters.status)
          && (!filters.year || (c.startedAt || "").startsWith(filters.year)));
      table.replaceChildren(casesTable(shown, cases.length));
    };
    const onChange = (name, value) => {
      filters[name] = value;
      sessionStorage.setItem(FILTERS, JSON.stringify(filters));
      redraw();
    };
    controls.replaceChildren(
        select("addressee", "Addressee", distinct(c => c.addresseeState).map(v => [v, v]), filters.addressee, onChange),
        select("lead", "Lead", distinct(c => c.leadDelegation).map(v => [v, v]), filters.lead, onChange),
        select("status", "Status", STATUSES.map(v => [v, label(v)]), filters.status, onChange),
        select("year", "Year", distinct(c => (c.startedAt || "").substring(0, 4)).reverse().map(v => [v, v]),
            filters.year, onChange));
    redraw();
  }).catch(error => table.replaceChildren(el("p", {class: "vm-overdue"}, "The cases could not be read: "
      + error.message)));
}

function casesTable(cases, total) {
  const count = el("p", {class: "vm-count"}, cases.length + " of " + total + (total === 1 ? " case" : " cases"));
  if (cases.length === 0) {
    return el("div", {}, count);
  }
  return el("div", {}, count, el("table", {class: "cam-table vm-cases-table"},
      el("thead", {}, el("tr", {}, ["Case", "Subject", "Lead", "Addressee", "Status", "Started", "Response due",
        "Response"].map(heading => el("th", {}, heading)))),
      el("tbody", {}, cases.map(c => el("tr", {"data-reference": c.reference},
          el("td", {}, el("a", {href: "#/cases/" + encodeURIComponent(c.reference)}, c.reference)),
          el("td", {}, c.subject),
          el("td", {}, c.leadDelegation),
          el("td", {}, c.addresseeState),
          el("td", {}, el("span", {class: "vm-status vm-status-" + c.status}, label(c.status))),
          el("td", {}, time(c.startedAt)),
          el("td", {}, responseDeadline(c)),
          el("td", {}, responseText(c)))))));
}

// ---------------------------------------------------------------- one case

function referenceInAddress() {
  const match = /#\/cases\/([^?]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function renderCase(node) {
  const reference = referenceInAddress();
  const body = el("div", {}, el("p", {}, "Loading…"));
  node.appendChild(el("section", {class: "vm-case"},
      el("p", {class: "vm-back"}, el("a", {href: "#/cases"}, "← All cases")),
      el("h1", {class: "section-title"}, reference), body));
  get("/" + encodeURIComponent(reference))
      .then(c => body.replaceChildren(caseView(c)))
      .catch(error => body.replaceChildren(el("p", {class: "vm-overdue"}, error.message)));
}

/** The replies after the first, each with when it came and whether it was on time (the timeline has the rest). */
function supplementaryReplies(c) {
  return (c.responses || []).filter(r => r.supplementary).map((r, i) => ["Supplementary " + (i + 1),
    el("span", {class: r.status === "LATE" ? "vm-overdue" : ""}, "received " + time(r.receivedAt)
        + (r.status === "LATE" ? ", " + r.daysLate + (r.daysLate === 1 ? " day" : " days") + " late"
            : r.status === "ON_TIME" ? ", on time" : "")
        + (r.reference ? " (" + r.reference + ")" : "")
        + (r.substantive == null ? "; not assessed yet" : r.substantive ? "; substantive" : "; not substantive"))]);
}

function dl(rows) {
  return el("dl", {class: "dl-horizontal vm-facts"}, rows.filter(Boolean).flatMap(([term, value]) =>
      [el("dt", {}, term), el("dd", {}, value)]));
}

function caseView(c) {
  const meetings = c.meetings || [];
  const tasks = c.openTasks || [];
  return el("div", {class: "vm-case-body"},
      el("p", {class: "vm-subject"}, c.subject),
      el("div", {class: "vm-columns"},
          el("div", {class: "vm-column"},
              el("h3", {}, "Status"),
              dl([["Status", el("span", {class: "vm-status vm-status-" + c.status}, label(c.status))],
                ["Lead", c.leadDelegation], ["Addressee", c.addresseeState], ["Started", time(c.startedAt)],
                ["Delivered", time(c.deliveredAt)]]),
              el("h3", {}, "Deadlines (Vienna time)"),
              dl([["Response due", responseDeadline(c)],
                ...tasks.filter(t => t.dueDate).map(t => [t.name.split(" — ")[0] + " by",
                  el("span", {class: isPast(t.dueDate) ? "vm-overdue" : ""}, time(t.dueDate)
                      + (isPast(t.dueDate) ? " (overdue)" : ""))]),
                ...meetings.map((m, i) => ["Meeting " + (i + 1) + " target", meetingTarget(m)])]),
              el("h3", {}, "Reply"),
              dl([["Response", responseText(c)], ...supplementaryReplies(c)])),
          el("div", {class: "vm-column"},
              el("h3", {}, "Signatories"),
              dl([["Signed by", (c.signatories || []).join(", ") || "—"],
                ["Declined", (c.declined || []).join(", ") || "—"]]),
              el("h3", {}, "Open tasks"),
              tasks.length === 0 ? el("p", {}, "None.") : el("ul", {}, tasks.map(t =>
                  el("li", {}, t.name + (t.assignee ? " (" + t.assignee + ")" : "")))),
              el("h3", {}, "Follow-up"),
              el("p", {}, (c.followUpActions || []).map(label).join(", ") || "—"),
              (c.moscowSupporters || []).length === 0 ? null
                  : el("p", {}, "Moscow Mechanism supported by " + c.moscowSupporters.join(", ")))),
      el("h3", {}, "Timeline (Vienna time)"),
      el("table", {class: "cam-table vm-timeline"},
          el("thead", {}, el("tr", {}, ["When", "What", "By", "Detail"].map(h => el("th", {}, h)))),
          el("tbody", {}, (c.timeline || []).map(entry => el("tr", {},
              el("td", {class: "vm-nowrap"}, time(entry.at)), el("td", {}, label(entry.event)),
              el("td", {}, entry.by || "process"), el("td", {}, entry.detail || ""))))),
      documentsView(c));
}

// The documents kept with the case, each a download link (the session's login reads them, as the case).
function documentsView(c) {
  const documents = c.documents || [];
  const base = API + "/" + encodeURIComponent(c.reference);
  return el("div", {class: "vm-documents"},
      el("h3", {}, "Documents"),
      documents.length === 0 ? el("p", {}, "None.") : el("table", {class: "cam-table vm-documents-table"},
          el("thead", {}, el("tr", {}, ["Name", "Kind", "Size", "Added (Vienna time)", "By"].map(h => el("th", {}, h)))),
          el("tbody", {}, documents.map(d => el("tr", {"data-document": d.id},
              el("td", {}, el("a", {href: base + "/documents/" + encodeURIComponent(d.id), download: d.name}, d.name)),
              el("td", {}, label(d.kind)), el("td", {class: "vm-nowrap"}, size(d.size)),
              el("td", {class: "vm-nowrap"}, time(d.addedAt)), el("td", {}, d.addedBy))))),
      el("p", {}, el("a", {href: base + "/file", target: "_blank"}, "The case file (PDF)")));
}

function size(bytes) {
  if (bytes < 1024) {
    return bytes + " bytes";
  }
  return bytes < 1024 * 1024 ? Math.round(bytes / 1024) + " KB" : (bytes / (1024 * 1024)).toFixed(1) + " MB";
}

// Whether the target is missed is the case API's (targetMissed): no outcome by then, or set for after it.
function meetingTarget(m) {
  return el("span", {class: m.targetMissed ? "vm-overdue" : ""}, time(m.targetAt) + (m.targetMissed ? " (missed)" : "")
      + ", requested by " + m.requestedBy
      + (m.scheduledFor ? ", set for " + time(m.scheduledFor) + (m.place ? " at " + m.place : "") : "")
      + (m.held === true ? ", held" : m.held === false ? ", not held" : ""));
}

export default [
  {
    id: "vienna-cases-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 5,
    render: node => node.appendChild(el("a", {href: "#/cases"}, "Cases")),
    properties: {path: "/cases"}
  },
  {
    id: "vienna-cases-list",
    pluginPoint: "cockpit.route",
    priority: 0,
    render: renderList,
    properties: {path: "/cases"}
  },
  {
    id: "vienna-statistics-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 4,
    render: node => node.appendChild(el("a", {href: "#/statistics"}, "Statistics")),
    properties: {path: "/statistics"}
  },
  {
    id: "vienna-statistics",
    pluginPoint: "cockpit.route",
    priority: 0,
    render: renderStatistics,
    properties: {path: "/statistics"}
  },
  {
    id: "vienna-cases-case",
    pluginPoint: "cockpit.route",
    priority: 0,
    render: renderCase,
    properties: {path: "/cases/:reference"}
  }
];
