/* mkdocs-careers: progressive enhancement for the roles-index filters and the hiring-brief copy button.
   Every role and every brief is already in the server-rendered HTML (AI crawlers do not run JavaScript);
   without this script a visitor loses only the filtering and the one-click copy, never content. */
(function () {
  "use strict";

  // The query-string names, as in role_filters.FILTER_PARAMS; a filtered view is shareable as a link.
  // Not "q": Material's search opens its overlay when the URL has ?q=.
  var PARAMS = ["search", "department", "country", "workplace", "type"];

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function rolesLabel(count) {
    return count + " open role" + (count === 1 ? "" : "s");
  }

  function setupFilters(form) {
    if (form.dataset.careersReady) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll(".careers-role-item[data-department]"));
    var sections = Array.prototype.slice.call(document.querySelectorAll(".careers-department"));
    var count = document.querySelector("[data-careers-count]");
    var empty = document.querySelector("[data-careers-empty]");
    var controls = {};
    PARAMS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });
    // Search reads what the row shows (title, summary, location, salary, ...) plus its department heading.
    var texts = rows.map(function (row) { return normalise(row.dataset.department + " " + row.textContent); });

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      PARAMS.forEach(function (name) {
        var control = controls[name];
        if (!control) return;
        var value = params.get(name) || "";
        control.value = value;
        // A value no option offers (an old link, a closed department) means "all", not "nothing".
        if (control.value !== value) control.value = "";
      });
    }

    function currentState() {
      var state = {};
      PARAMS.forEach(function (name) { state[name] = controls[name] ? controls[name].value.trim() : ""; });
      return state;
    }

    function matches(index, state) {
      var data = rows[index].dataset;
      if (state.department && data.department !== state.department) return false;
      if (state.country && data.country.split(" ").indexOf(state.country) === -1) return false;
      if (state.workplace && data.workplace !== state.workplace) return false;
      if (state.type && data.type.split(" ").indexOf(state.type) === -1) return false;
      if (state.search) {
        return normalise(state.search).split(" ").every(function (word) { return texts[index].indexOf(word) !== -1; });
      }
      return true;
    }

    function writeUrl(state) {
      var params = new URLSearchParams();
      PARAMS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
      var query = params.toString();
      window.history.replaceState(window.history.state, "",
        window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function update(changeUrl) {
      var state = currentState();
      var shown = 0;
      rows.forEach(function (row, index) {
        var visible = matches(index, state);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector(".careers-role-item:not([hidden])");
      });
      var filtered = PARAMS.some(function (name) { return state[name]; });
      count.textContent = filtered ? "Showing " + shown + " of " + rolesLabel(rows.length)
                                   : "Showing all " + rolesLabel(rows.length);
      empty.hidden = shown !== 0;
      if (changeUrl) writeUrl(state);
    }

    form.addEventListener("input", function () { update(true); });
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
    // "reset" fires before the controls are cleared, so read them on the next tick.
    form.addEventListener("reset", function () { window.setTimeout(function () { update(true); }, 0); });
    window.addEventListener("popstate", function () { readUrl(); update(false); });

    readUrl();
    update(false);
    // Only now does careers.css make the form visible: it has held its place since the first paint.
    form.dataset.careersReady = "true";
  }

  function setupCopy(source) {
    if (source.dataset.careersReady) return;
    source.dataset.careersReady = "true";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button careers-copy__button";
    button.textContent = source.dataset.careersCopy;
    button.setAttribute("aria-describedby", source.id);
    var status = document.createElement("span");
    status.className = "careers-copy__status";
    status.setAttribute("role", "status");
    var bar = document.createElement("p");
    bar.className = "careers-copy";
    bar.appendChild(button);
    bar.appendChild(status);
    source.parentNode.insertBefore(bar, source);

    button.addEventListener("click", function () {
      var text = source.textContent;
      var copying = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error("clipboard unavailable"));
      copying.then(function () {
        status.textContent = "Copied to the clipboard.";
      }, function () {
        // Without clipboard access (plain http, denied permission) select the text for Ctrl+C instead.
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = "The brief is selected: press Ctrl+C (or Command+C) to copy it.";
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-careers-filters]"), setupFilters);
    Array.prototype.forEach.call(document.querySelectorAll("[data-careers-copy]"), setupCopy);
  }

  // Material's document$ emits on every page load, including instant navigation when a site enables it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
