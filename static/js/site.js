// Progressive enhancement only: every page works without this file.
// Reveals the "Copy" buttons next to the permanent link and the citations, and copies on click.
(function () {
  "use strict";

  function announce(button, message) {
    var section = button.closest(".share");
    var status = section && section.querySelector(".copy-status");
    if (status) {
      status.textContent = message;
    }
  }

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Older browsers and plain-http pages: select the text and use the legacy command.
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function enhance(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(field).then(
        function () {
          button.textContent = "Copied";
          button.classList.add("is-copied");
          announce(button, "Copied to the clipboard.");
          window.setTimeout(function () {
            button.textContent = label;
            button.classList.remove("is-copied");
          }, 2000);
        },
        function () {
          field.focus();
          field.select();
          announce(button, "Press Ctrl+C (or Cmd+C) to copy the selected text.");
        }
      );
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      enhance(buttons[i]);
    }
  });
})();
