// Progressive enhancement only: every page works without this file.
// A filter menu submits its form when it changes, so the URL always holds the view.
document.addEventListener("DOMContentLoaded", () => {
  for (const sel of document.querySelectorAll("form.filters select.auto")) {
    sel.addEventListener("change", () => sel.form.requestSubmit());
  }
  // Empty fields stay out of the URL: /?type=visit, not /?country=&state=&type=visit
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const el of form.elements) {
        if (el.name && !el.value) el.disabled = true;
      }
    });
  }
});
