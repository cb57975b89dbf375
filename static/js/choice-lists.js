/* Long choice lists of the portal's forms (widgets in kaselo/forms.py).
 *
 * [data-choice-filter]: groups of checkboxes (goals) shown only when their key is ticked in
 *   the field the attribute names (focus areas). A hidden group's ticks are put aside and
 *   come back when the group is shown again, so the form never sends a goal of a focus area
 *   that is not ticked. Without this script every group is shown and the server checks.
 * [data-choice-search]: a list of checkboxes (organisations) gets a search box that filters
 *   it as one types, the ticked ones first; the list scrolls in a box and is one Tab stop,
 *   the arrow keys (and Home, End) moving in it. Without this script it is plain checkboxes.
 *
 * Served from /static/ (the Content-Security-Policy allows no inline script); safe to load
 * twice, as every list is set up once.
 */
(function () {
  "use strict";

  function setUpFilter(container) {
    var form = container.closest("form");
    var name = container.getAttribute("data-choice-filter");
    if (!form || !name) {
      return;
    }
    var controls = Array.prototype.filter.call(form.elements, function (element) {
      return element.name === name;
    });
    var groups = container.querySelectorAll("[data-choice-group]");
    var empty = container.querySelector(".choice-groups__empty");

    function update() {
      var ticked = {};
      controls.forEach(function (control) {
        if (control.checked) {
          ticked[control.value] = true;
        }
      });
      var shown = 0;
      groups.forEach(function (group) {
        var show = Boolean(ticked[group.getAttribute("data-choice-group")]);
        group.hidden = !show;
        group.querySelectorAll("input[type=checkbox]").forEach(function (input) {
          if (!show && input.checked) {
            input.checked = false;
            input.setAttribute("data-choice-put-aside", "");
          } else if (show && input.hasAttribute("data-choice-put-aside")) {
            input.checked = true;
            input.removeAttribute("data-choice-put-aside");
          }
        });
        shown += show ? 1 : 0;
      });
      if (empty) {
        empty.hidden = shown > 0;
      }
    }

    controls.forEach(function (control) {
      control.addEventListener("change", update);
    });
    update();
  }

  function normalise(text) {
    return text.toLocaleLowerCase("fi").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, key) {
      return String(values[key]);
    });
  }

  function setUpSearch(widget) {
    var tools = widget.querySelector(".choice-search__tools");
    var search = widget.querySelector(".choice-search__input");
    var status = widget.querySelector(".choice-search__status");
    var list = widget.querySelector(".choice-search__list");
    if (!tools || !search || !status || !list) {
      return;
    }
    var items = Array.prototype.slice.call(list.querySelectorAll(".choice"));
    var byName = items.map(function (item) {
      return { item: item, input: item.querySelector("input"), text: normalise(item.textContent) };
    });

    function visibleInputs() {
      return byName
        .filter(function (entry) {
          return !entry.item.hidden;
        })
        .map(function (entry) {
          return entry.input;
        });
    }

    // One Tab stop for the list: the focused (or first visible) checkbox takes Tab.
    function rove(target) {
      var inputs = visibleInputs();
      var current = target && inputs.indexOf(target) >= 0 ? target : inputs[0];
      byName.forEach(function (entry) {
        entry.input.tabIndex = entry.input === current ? 0 : -1;
      });
      return current;
    }

    function ticked() {
      return byName.filter(function (entry) {
        return entry.input.checked;
      }).length;
    }

    function sortTickedFirst() {
      var first = byName.filter(function (entry) {
        return entry.input.checked;
      });
      var rest = byName.filter(function (entry) {
        return !entry.input.checked;
      });
      first.concat(rest).forEach(function (entry) {
        list.appendChild(entry.item);
      });
      byName = first.concat(rest);
    }

    function report(shown) {
      var query = search.value.trim();
      if (query && shown === 0) {
        status.textContent = status.getAttribute("data-none");
      } else if (query) {
        status.textContent = format(status.getAttribute("data-shown"), {
          ticked: ticked(),
          shown: shown,
          all: byName.length,
        });
      } else {
        status.textContent = format(status.getAttribute("data-total"), { ticked: ticked() });
      }
    }

    function filter() {
      var query = normalise(search.value.trim());
      var shown = 0;
      sortTickedFirst();
      byName.forEach(function (entry) {
        var show = !query || entry.text.indexOf(query) >= 0 || entry.input.checked;
        entry.item.hidden = !show;
        shown += show ? 1 : 0;
      });
      rove(null);
      report(shown);
    }

    list.addEventListener("keydown", function (event) {
      var inputs = visibleInputs();
      var index = inputs.indexOf(document.activeElement);
      if (index < 0) {
        return;
      }
      var next = null;
      if (event.key === "ArrowDown" || event.key === "ArrowRight") {
        next = inputs[Math.min(index + 1, inputs.length - 1)];
      } else if (event.key === "ArrowUp" || event.key === "ArrowLeft") {
        next = inputs[Math.max(index - 1, 0)];
      } else if (event.key === "Home") {
        next = inputs[0];
      } else if (event.key === "End") {
        next = inputs[inputs.length - 1];
      }
      if (next) {
        event.preventDefault();
        rove(next).focus();
      }
    });
    list.addEventListener("focusin", function (event) {
      if (event.target.tagName === "INPUT") {
        rove(event.target);
      }
    });
    list.addEventListener("change", function () {
      report(visibleInputs().length);
    });
    search.addEventListener("input", filter);
    search.addEventListener("keydown", function (event) {
      // Enter in the search box would send the whole form; down arrow goes to the list.
      if (event.key === "Enter") {
        event.preventDefault();
      } else if (event.key === "ArrowDown") {
        var first = rove(null);
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });

    tools.hidden = false;
    widget.classList.add("choice-search--enhanced");
    filter();
  }

  function setUp() {
    document.querySelectorAll("[data-choice-filter]").forEach(function (container) {
      if (!container.hasAttribute("data-choice-ready")) {
        container.setAttribute("data-choice-ready", "");
        setUpFilter(container);
      }
    });
    document.querySelectorAll("[data-choice-search]").forEach(function (widget) {
      if (!widget.hasAttribute("data-choice-ready")) {
        widget.setAttribute("data-choice-ready", "");
        setUpSearch(widget);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
