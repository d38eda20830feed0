/*
 * The registry's numbers as charts in Cockpit: invocations per addressee and year, how the replies came (on time,
 * late, none, awaited) and the median days to a reply, from GET /api/statistics with the Cockpit login (the API
 * decides which cases count: managers all, a delegation its own). Drawn by Chart.js, which Spring Boot serves from
 * its webjar; the same numbers follow in a table, and as CSV for a spreadsheet.
 */

import {el} from "./dom.js";

const appRoot = document.querySelector("base").getAttribute("app-root") || "";
const ROOT = appRoot.replace(/\/[^/]*$/, "");
const STATISTICS = ROOT + "/api/statistics";
const CHART_JS = ROOT + "/webjars/chart.js/dist/chart.umd.min.js";

const OUTCOMES = [
  {field: "repliesOnTime", label: "Reply on time", colour: "#2e7d32"},
  {field: "repliesLate", label: "Reply late", colour: "#ef6c00"},
  {field: "noReply", label: "No reply", colour: "#c62828"},
  {field: "awaitingReply", label: "Reply awaited", colour: "#9e9e9e"}
];
const PALETTE = ["#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#558b2f", "#4e342e", "#283593", "#f9a825"];

/** Chart.js, once. Cockpit loads its scripts with RequireJS, with which the UMD file then registers: ask it. */
let chartJs;
function loadChartJs() {
  chartJs = chartJs || new Promise((resolve, reject) => {
    if (typeof window.define === "function" && window.define.amd && typeof window.require === "function") {
      window.require([CHART_JS], resolve, reject);
    } else {
      const script = document.createElement("script");
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => reject(new Error("Chart.js could not be loaded"));
      document.head.appendChild(script);
    }
  });
  return chartJs;
}

export function renderStatistics(node) {
  const body = el("div", {}, el("p", {}, "Loading…"));
  node.appendChild(el("section", {class: "vm-statistics"},
      el("h1", {class: "section-title"}, "Statistics"),
      el("p", {class: "vm-lead"}, "The registry of the invocations you may see, by addressee and year of delivery"
          + " (Vienna time), as the case API counts them."),
      body));
  Promise.all([rows(), loadChartJs()])
      .then(([statistics, Chart]) => body.replaceChildren(view(statistics, Chart)))
      .catch(error => body.replaceChildren(el("p", {class: "vm-overdue"}, "The statistics could not be read: "
          + error.message)));
}

async function rows() {
  const response = await fetch(STATISTICS, {headers: {Accept: "application/json"}, credentials: "same-origin"});
  if (!response.ok) {
    throw new Error(response.status === 401 ? "Your login has ended: log in again." : response.statusText);
  }
  return response.json();
}

function view(statistics, Chart) {
  const data = statistics.rows || [];
  if (data.length === 0) {
    return el("p", {}, "No letter has been delivered yet in the cases you may see.");
  }
  const years = [...new Set(data.map(r => r.year))].sort();
  const addressees = [...new Set(data.map(r => r.addresseeName))].sort();
  const panels = [
    chartPanel("vm-chart-invocations", "Invocations per addressee and year", {
      type: "bar",
      data: {
        labels: years.map(String),
        datasets: addressees.map((name, i) => ({
          label: name,
          backgroundColor: PALETTE[i % PALETTE.length],
          data: years.map(year => sum(data.filter(r => r.addresseeName === name && r.year === year), "invocations"))
        }))
      },
      options: {scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}}
    }),
    chartPanel("vm-chart-replies", "How the replies came", {
      type: "bar",
      data: {
        labels: addressees,
        datasets: OUTCOMES.map(outcome => ({
          label: outcome.label,
          backgroundColor: outcome.colour,
          data: addressees.map(name => sum(data.filter(r => r.addresseeName === name), outcome.field))
        }))
      },
      options: {indexAxis: "y", scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}}, y: {stacked: true}}}
    }),
    chartPanel("vm-chart-days", "Median days from delivery to reply", {
      type: "bar",
      data: {
        labels: data.filter(r => r.medianDaysToReply !== null).map(r => r.addresseeName + " " + r.year),
        datasets: [{
          label: "Median days to reply",
          backgroundColor: PALETTE[0],
          data: data.filter(r => r.medianDaysToReply !== null).map(r => Number(r.medianDaysToReply))
        }]
      },
      options: {scales: {y: {beginAtZero: true, title: {display: true, text: "days"}}}}
    })
  ];
  const charts = panels.map(panel => new Chart(panel.canvas, panel.config));
  return el("div", {"data-charts": charts.length},
      el("div", {class: "vm-charts"}, panels.map(panel => panel.figure)),
      numbersTable(data),
      csvLink());
}

function chartPanel(id, title, config) {
  const canvas = el("canvas", {id, role: "img", "aria-label": title});
  config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false,
    datasets: {bar: {maxBarThickness: 56}},
    plugins: {legend: {position: "bottom"}}}, config.options);
  return {canvas, config, figure: el("figure", {class: "vm-chart"}, el("figcaption", {}, title),
      el("div", {class: "vm-chart-area"}, canvas))};
}

function sum(rows, field) {
  return rows.reduce((total, r) => total + (r[field] || 0), 0);
}

function numbersTable(data) {
  const headings = ["Addressee", "Year", "Invocations", "On time", "Late", "None", "Awaited", "Median days",
    "Judged substantive"];
  return el("table", {class: "cam-table vm-statistics-table"},
      el("thead", {}, el("tr", {}, headings.map(h => el("th", {}, h)))),
      el("tbody", {}, data.map(r => el("tr", {},
          [r.addresseeName, r.year, r.invocations, r.repliesOnTime, r.repliesLate, r.noReply, r.awaitingReply,
            r.medianDaysToReply === null ? "—" : r.medianDaysToReply,
            r.shareSubstantive === null ? "—" : Math.round(r.shareSubstantive * 100) + " %"]
              .map(value => el("td", {}, value))))));
}

// A link cannot ask for CSV by its Accept header: the file is fetched with the login, then saved.
function csvLink() {
  const link = el("a", {href: "", class: "vm-csv"}, "Download these numbers as CSV");
  link.addEventListener("click", event => {
    event.preventDefault();
    fetch(STATISTICS, {headers: {Accept: "text/csv"}, credentials: "same-origin"})
        .then(response => response.blob())
        .then(blob => {
          const save = el("a", {href: URL.createObjectURL(blob), download: "vienna-mechanism-statistics.csv"});
          save.click();
          URL.revokeObjectURL(save.href);
        });
  });
  return el("p", {}, link);
}
