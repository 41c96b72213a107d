// Jump to: as a reader types in the header's search box, up to 8 people, meetings and outlets
// whose names fit appear below it (from /search/jump.json). Progressive enhancement only: without
// this file the box is a plain search form. The list follows the ARIA combobox pattern: arrow
// keys move through it, Enter opens the chosen record (or searches, when none is chosen), Escape
// closes it, and a status line tells screen readers how many records fit.
(function () {
  "use strict";

  var KIND = { person: "Person", meeting: "Meeting", outlet: "Outlet" };
  var DELAY_MS = 120;

  function setUp(form) {
    var input = form.querySelector("input[type=search]");
    var endpoint = form.getAttribute("data-jump-url");
    if (!input || !endpoint) {
      return;
    }
    var listId = input.id + "-jump";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "jump-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Jump to");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var options = list.children;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        options[index].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(results) {
      items = results;
      list.textContent = "";
      active = -1;
      results.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "jump-list__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "jump-list__name";
        name.textContent = item.name;
        var detail = document.createElement("span");
        detail.className = "jump-list__detail";
        detail.textContent = KIND[item.type] + (item.detail ? " · " + item.detail : "");
        option.appendChild(name);
        option.appendChild(detail);
        // mousedown, not click: the box keeps its focus, so the list is not closed first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(item.url);
        });
        list.appendChild(option);
      });
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent =
          results.length + (results.length === 1 ? " record" : " records") +
          " to jump to: use the up and down arrow keys.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function ask() {
      var text = input.value.trim();
      var number = ++asked;
      if (text.length < 2) {
        show([]);
        return;
      }
      fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          if (number === asked) {
            show(body.results || []);
          }
        })
        .catch(function () {
          if (number === asked) {
            show([]);
          }
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      if (event.key === "ArrowDown" && open) {
        event.preventDefault();
        choose(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        choose(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-jump-url]").forEach(setUp);
})();
