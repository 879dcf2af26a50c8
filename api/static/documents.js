/* Decision page (/van-ban): each decision with its number, date, signer, counts and what it replaces; every fact
   links to the source lines that state it (fact_lines), the whole text to /van-ban/<id>. Text via textContent only. */
(function () {
  "use strict";
  var BLANK = "để trống trong văn bản";

  /** "2022-07-12" → "12/7/2022"; a date the text leaves partly blank says which part is blank. */
  function dateText(iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return BLANK;
    if (m[3]) return Number(m[3]) + "/" + Number(m[2]) + "/" + m[1];
    if (m[2]) return "tháng " + Number(m[2]) + "/" + m[1] + " (ngày " + BLANK + ")";
    return "năm " + m[1] + " (ngày, tháng " + BLANK + ")";
  }

  function factLink(doc, fact) {
    var span = (doc.fact_lines || {})[fact];
    if (!span) return null;
    var C = window.CsdlQa;
    return C.el("a", { class: "fact-lines", href: C.sourceHref("", doc.id, [span]), text: C.linesText([span]) });
  }

  function row(dl, label, value, link) {
    var el = window.CsdlQa.el;
    dl.appendChild(el("dt", { text: label }));
    dl.appendChild(el("dd", {}, [value, link ? " · " : null, link]));
  }

  function card(doc) {
    var C = window.CsdlQa;
    var el = C.el;
    var dl = el("dl", { class: "decision-facts" });
    row(dl, "Số", doc.number || BLANK + " (chỉ ghi “/QĐ-UBND”)", factLink(doc, "number"));
    row(dl, "Ngày ban hành", dateText(doc.date), factLink(doc, "date"));
    row(dl, "Trích yếu", doc.title, factLink(doc, "title"));
    row(dl, "Cơ quan ban hành", doc.issuer || "không ghi", factLink(doc, "issuer"));
    row(dl, "Người ký", [doc.signer_title, doc.signer].filter(Boolean).join(" ") || "không ghi", factLink(doc, "signer"));
    row(dl, "Số CSDL trong danh mục", String(doc.entry_count));
    row(dl, "Số điều, khoản, điểm", String(doc.clause_count));
    row(dl, "Thay thế", doc.replaces || "Không thay thế quyết định nào", doc.replaces ? factLink(doc, "replaces") : null);
    if (doc.proposal) row(dl, "Theo đề nghị", doc.proposal, factLink(doc, "proposal"));
    return el("article", { class: "decision", "aria-labelledby": "d-" + doc.id }, [
      el("h3", { id: "d-" + doc.id, text: doc.province + " — " + (doc.number ? "Quyết định số " + doc.number : "Quyết định (số " + BLANK + ")") }),
      dl,
      el("p", { class: "decision-open" }, [el("a", { href: C.sourceHref("", doc.id, []), text: "Xem toàn văn quyết định (" + doc.source_file + ")" })])
    ]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var C = window.CsdlQa;
    var box = document.getElementById("decisions");
    C.request("/api/documents", {}).then(function (data) {
      box.textContent = "";
      data.documents.forEach(function (doc) { box.appendChild(card(doc)); });
    }, function (err) {
      box.textContent = "";
      box.appendChild(C.el("p", { class: "empty", role: "alert", text: "Không tải được danh sách quyết định: " + C.errorText(err) }));
    });
  });
})();
