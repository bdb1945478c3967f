// Checks a draft's YAML as it is typed: a pause of DELAY ms in typing sends the text to the form's
// data-check-url, and the check's findings replace those in #check-results. Nothing is saved. One request at
// a time (a pause while one is out sends the text when it is back); an answer for text that has changed
// since it was sent is dropped, as the change has already asked for a newer one.
// Without this script the page works as before: the check runs when the draft is saved.

const DELAY = 800;
const form = document.querySelector("form[data-check-url]");
const source = form?.elements.namedItem("source");
const panel = document.getElementById("check-results");

if (form && source && panel && window.fetch && window.DOMParser) {
  let timer = null;
  let inFlight = false;
  let again = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(send, DELAY);
  };

  const show = (html) => {
    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("check-results");
    if (fresh) panel.replaceChildren(...fresh.childNodes);
  };

  async function send() {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    again = false;
    const sent = source.value;
    const body = new FormData();
    body.append("csrf_token", form.elements.namedItem("csrf_token")?.value || "");
    body.append("source", sent);
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.dataset.checkUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", Accept: "text/html" },
      });
      const html = await response.text();
      if (source.value === sent) show(html);
    } catch {
      // offline or the server is away: the check still runs when the draft is saved
    } finally {
      inFlight = false;
      panel.setAttribute("aria-busy", "false");
      if (again) send();
    }
  }

  source.addEventListener("input", schedule);
}
