// The scenario player, made nicer with JavaScript: a reply is sent without leaving the page, the
// client's answer is added to the conversation, focus moves to it, and it is announced.
// Without this script the page works as an ordinary form (post, redirect, get).
(function () {
  "use strict";

  var player = document.getElementById("player");
  var announcer = document.getElementById("player-announcer");
  if (!player || !announcer || !window.fetch || !window.DOMParser || !window.FormData) {
    return;
  }
  var sending = false;

  player.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-player-form")) {
      return;
    }
    event.preventDefault();
    if (sending) {
      return;
    }
    sending = true;
    setBusy(form, true);
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "text/html" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.redirected || type.indexOf("text/html") !== 0) {
        window.location.assign(response.url);
        return null;
      }
      return response.text().then(function (html) {
        update(html, response.status);
      });
    }, function () {
      form.submit();
    }).then(function () {
      sending = false;
    }, function (error) {
      sending = false;
      throw error;
    });
  });

  function setBusy(form, busy) {
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = busy;
    }
    player.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function update(html, status) {
    var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("player-main");
    var current = document.getElementById("player-main");
    if (!fresh || !current) {
      window.location.reload();
      return;
    }
    var added = mergeConversation(current, fresh);
    replaceSection(current, fresh, "player-notices");
    replaceSection(current, fresh, "player-meters");
    replaceSection(current, fresh, "player-turn");
    current.setAttribute("data-status", fresh.getAttribute("data-status"));
    player.setAttribute("aria-busy", "false");
    if (status === 200) {
      announceLatest(added);
    } else {
      var notice = document.getElementById("player-conflict") || document.getElementById("player-errors");
      if (notice) {
        notice.focus();
      }
    }
  }

  // Replace the turns that changed (the last one gains the learner's reply) and append the new ones.
  function mergeConversation(current, fresh) {
    var list = current.querySelector("#conversation");
    var oldItems = list.children;
    var newItems = fresh.querySelector("#conversation").children;
    var added = [];
    for (var index = 0; index < newItems.length; index++) {
      var item = document.importNode(newItems[index], true);
      if (index < oldItems.length) {
        if (oldItems[index].innerHTML !== item.innerHTML) {
          list.replaceChild(item, oldItems[index]);
        }
      } else {
        list.appendChild(item);
        added.push(item);
      }
    }
    while (list.children.length > newItems.length) {
      list.removeChild(list.lastElementChild);
    }
    return added;
  }

  function replaceSection(current, fresh, id) {
    var mine = current.querySelector("#" + id);
    var theirs = fresh.querySelector("#" + id);
    if (mine && theirs) {
      mine.parentNode.replaceChild(document.importNode(theirs, true), mine);
    }
  }

  function announceLatest(added) {
    var latest = added.length ? added[added.length - 1] : null;
    var message = latest ? latest.querySelector("[data-client-message]") : null;
    var ending = document.getElementById("player-ending");
    var target = message || ending;
    var words = [];
    if (message) {
      words.push(message.textContent.replace(/\s+/g, " ").trim());
    }
    if (ending) {
      words.push(ending.parentNode.querySelector("p").textContent.replace(/\s+/g, " ").trim());
    }
    announcer.textContent = "";
    window.setTimeout(function () {
      announcer.textContent = words.join(" ");
    }, 50);
    if (target) {
      target.focus();
    }
  }
})();
