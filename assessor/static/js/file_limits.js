// Checks chosen files against the upload limits before the form is sent, so a file that is too large
// is named at once and nothing typed is sent off in vain. The server checks again: this only saves a trip.
// Each <input type=file data-max-bytes data-max-files data-too-large data-too-many data-error-prefix> takes part.

function problemWith(input) {
  const files = Array.from(input.files || []);
  if (files.length > Number(input.dataset.maxFiles)) {
    return input.dataset.tooMany;
  }
  const large = files.find((file) => file.size > Number(input.dataset.maxBytes));
  return large ? input.dataset.tooLarge.replace("{name}", large.name) : "";
}

function show(input, message) {
  const group = input.closest(".govuk-form-group");
  const id = `${input.id}-error`;
  let error = document.getElementById(id);
  if (!message) {
    if (error && error.dataset.fromScript) error.remove();
    return;
  }
  if (!error) {
    error = document.createElement("p");
    error.id = id;
    error.className = "govuk-error-message";
    error.dataset.fromScript = "true";
    input.before(error);
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!described.includes(id)) input.setAttribute("aria-describedby", [...described, id].join(" "));
  }
  const prefix = document.createElement("span");
  prefix.className = "govuk-visually-hidden";
  prefix.textContent = `${input.dataset.errorPrefix || ""} `;
  error.replaceChildren(prefix, message);
  group?.classList.add("govuk-form-group--error");
  input.classList.add("govuk-file-upload--error");
}

for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
  input.addEventListener("change", () => show(input, problemWith(input)));
  input.form?.addEventListener("submit", (event) => {
    const message = problemWith(input);
    if (message) {
      event.preventDefault();
      event.stopImmediatePropagation();
      show(input, message);
      input.focus();
    }
  });
}
