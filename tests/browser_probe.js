// Measures a rendered page as a reader sees it and writes the figures into the page as JSON
// (a pre element with the id "probe"), where `chromium --dump-dom` hands them to the test.
// It runs at the load event: by then the #fragment of the address has been applied (:target).
window.addEventListener("load", function () {
  const root = document.documentElement;
  const box = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  const css = (el, prop) => getComputedStyle(el).getPropertyValue(prop);
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && css(el, "visibility") !== "hidden"; };
  const report = {viewport: root.clientWidth, scroll_width: root.scrollWidth, body_scroll_width: document.body.scrollWidth};
  report.rows = [...document.querySelectorAll(".row[data-relation]")].map((row) => ({
    relation: row.dataset.relation,
    left: box(row.querySelector(".side.left")), right: box(row.querySelector(".side.right")),
    left_visible: visible(row.querySelector(".side.left")), right_visible: visible(row.querySelector(".side.right")),
    background: css(row, "background-color"), shadow: css(row, "box-shadow"),
    label: row.querySelector(".label").innerText, label_background: css(row.querySelector(".label"), "background-color"),
    text: row.innerText,
  }));
  report.texts = [...document.querySelectorAll(".text")].map((t) => ({id: t.id, box: box(t), text: t.innerText}));
  report.units = [...document.querySelectorAll(".text .unit")].map((u) => ({
    visible: visible(u), background: css(u, "background-color"), card_display: css(u.querySelector(".card"), "display"),
  }));
  report.claim_rows = [...document.querySelectorAll(".claims tbody tr")].map((tr) => tr.innerText);
  report.counts = [...document.querySelectorAll(".counts li")].map((li) => li.innerText);
  report.wider_than_viewport = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && css(el, "display") !== "none")
    .slice(0, 5).map((el) => el.tagName + "." + el.className);
  // the element the address's #fragment names (a claim's card that a click opened)
  const target = document.querySelector(":target");
  if (target) {
    report.target = {id: target.id, display: css(target, "display"), visible: visible(target),
                     text: target.innerText, box: box(target)};
  }
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
});
