// Checks a form as it is filled in: a pause of DELAY ms in typing, or a choice changed, sends the form's fields
// to its data-check-url, and the answer's element with the panel's id replaces the content of the page's panel
// (#check-results, or the id in the form's data-check-target). Nothing is saved. One request at a time per form
// (a pause while one is out sends the fields when it is back); an answer for fields that have changed since
// they were sent is dropped, as the change has already asked for a newer one. Chosen files are never sent.
// Used by the draft's YAML editor and by the structured editor's node, client and variables forms.
// Without this script the pages work as before: the check runs when the draft is saved.

const DELAY = 800;

function typedFields(form) {
  const body = new FormData(form);
  for (const [name, value] of [...body.entries()]) {
    if (value instanceof File) body.delete(name);
  }
  return body;
}

const sameFields = (body) => new URLSearchParams(body).toString();

function checkAsTyped(form) {
  const targetId = form.dataset.checkTarget || "check-results";
  const panel = document.getElementById(targetId);
  if (!panel) return;
  let timer = null;
  let inFlight = false;
  let again = false;

  const schedule = (event) => {
    if (event.target?.type === "file") return;
    clearTimeout(timer);
    timer = setTimeout(send, DELAY);
  };

  const show = (html) => {
    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById(targetId);
    if (fresh && fresh.innerHTML !== panel.innerHTML) panel.replaceChildren(...fresh.childNodes);
  };

  async function send() {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    again = false;
    const body = typedFields(form);
    const sent = sameFields(body);
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.dataset.checkUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", Accept: "text/html" },
      });
      const html = await response.text();
      if (sameFields(typedFields(form)) === sent) show(html);
    } catch {
      // offline or the server is away: the check still runs when the draft is saved
    } finally {
      inFlight = false;
      panel.setAttribute("aria-busy", "false");
      if (again) send();
    }
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
}

if (window.fetch && window.DOMParser) {
  document.querySelectorAll("form[data-check-url]").forEach(checkAsTyped);
}
