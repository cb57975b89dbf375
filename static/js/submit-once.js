/* A form is sent once: after the first submit its submit buttons are disabled and the one
 * pressed says it is working ("Tallennetaan…", from the data-working-label attribute the
 * page's <body> or the form carries, so it is translated with the page).
 *
 * A second click or Enter before the next page arrives is ignored; the server refuses a
 * repeat anyway (lib/concurrency.py), this only shows the person that something happens.
 * Forms sent by htmx (their submit is prevented) and GET forms (filters) are left alone.
 * Coming back with the back button (pageshow from the back-forward cache) enables them
 * again. Served from /static/ (the Content-Security-Policy allows no inline script).
 */
(function () {
  "use strict";

  function workingLabel(form) {
    return form.getAttribute("data-working-label") ||
      document.body.getAttribute("data-working-label") || "…";
  }

  function buttons(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return (element.tagName === "BUTTON" && element.type === "submit") ||
        (element.tagName === "INPUT" && element.type === "submit");
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-submitting")) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.setAttribute("data-submitting", "");
    var pressed = event.submitter;
    // Disabled only after the browser has read the form: a disabled button sends no value.
    window.setTimeout(function () {
      buttons(form).forEach(function (button) {
        if (button.disabled) {
          return; // disabled by the page itself (the first action's up arrow): stays so
        }
        button.setAttribute("data-submit-once", "");
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
      });
      if (pressed && pressed.tagName === "BUTTON") {
        pressed.setAttribute("data-label", pressed.innerHTML);
        pressed.textContent = workingLabel(form);
        pressed.setAttribute("aria-busy", "true");
      }
    }, 0);
  });

  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-submitting]"), function (form) {
      form.removeAttribute("data-submitting");
      form.querySelectorAll("[data-submit-once]").forEach(function (button) {
        button.removeAttribute("data-submit-once");
        button.disabled = false;
        button.removeAttribute("aria-disabled");
        button.removeAttribute("aria-busy");
        if (button.hasAttribute("data-label")) {
          button.innerHTML = button.getAttribute("data-label");
          button.removeAttribute("data-label");
        }
      });
    });
  });
})();
