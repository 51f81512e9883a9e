// The presenter board. Polls board.json every two seconds and rebuilds the list. All text from
// the server is set with textContent, never parsed as HTML; the page's Content-Security-Policy
// allows only this script and this origin.
(function () {
  "use strict";
  var POLL_MS = 2000;
  var SHOWN = 10;
  var base = window.location.pathname.replace(/\/+$/, "");
  var source = base + "/board.json";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function render(data) {
    var title = data.session.title + " (" + data.session.id + ")";
    document.getElementById("title").textContent = title;
    document.title = "Candor · " + data.session.title;
    var list = document.getElementById("board");
    var items = [];
    data.entries.slice(0, SHOWN).forEach(function (e) {
      var li = el("li", e.answered ? "answered" : "");
      li.setAttribute("data-id", e.id);
      li.appendChild(el("span", "rank", e.rank + "."));
      var text = el("span", "text", e.text);
      text.appendChild(el("span", "id", e.id));
      if (e.answer) {
        text.appendChild(el("span", "answer", "→ " + e.answer));
      }
      li.appendChild(text);
      li.appendChild(el("span", "votes", e.votes === null ? "" : e.votes + " ▲"));
      items.push(li);
    });
    list.replaceChildren.apply(list, items);
    document.getElementById("empty").hidden = data.entries.length > 0;
    var more = data.entries.length > SHOWN ? " · " + (data.entries.length - SHOWN) + " more" : "";
    document.getElementById("participation").textContent =
      "Askers: " + data.participation.askers + " · voters: " + data.participation.voters + more;
    document.getElementById("how").textContent = data.countsHidden
      ? "Vote counts are hidden while voting runs."
      : "Vote for a question: vote <id>";
    document.getElementById("status").textContent = data.session.state;
  }

  var gone = false;

  function poll() {
    fetch(source, { cache: "no-store", credentials: "omit" })
      .then(function (r) {
        if (r.status === 404) {
          throw new Error("gone");
        }
        if (!r.ok) {
          throw new Error("status " + r.status);
        }
        return r.json();
      })
      .then(render)
      .catch(function (err) {
        gone = err.message === "gone";
        document.getElementById("status").textContent = gone
          ? "This link no longer works."
          : "Reconnecting…";
      })
      .finally(function () {
        if (!gone) {
          window.setTimeout(poll, POLL_MS);
        }
      });
  }

  poll();
})();
