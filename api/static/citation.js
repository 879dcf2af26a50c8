/* The citation dialog of the assistant: CsdlQa.citationDialog(dialog, ctx) → open(citation, opener). Loaded after
   chat.js. It shows the quote (an entry's quoted lines under their field labels), a "Xem trong văn bản" link to the
   cited lines in /van-ban/<id>, and the record. Every source text goes through textContent (el()), never HTML. */
(function () {
  "use strict";
  var C = window.CsdlQa;
  if (!C || C.citationDialog) return;
  var el = C.el;
  var ENTRY_FIELDS = [
    ["name", "Tên cơ sở dữ liệu"], ["agency", "Cơ quan quản lý"], ["group_title", "Nhóm"], ["sector", "Lĩnh vực"],
    ["purpose", "Mục đích"], ["scope", "Phạm vi"], ["content", "Nội dung"],
    ["collection", "Thu thập, cập nhật, nguồn dữ liệu"], ["sharing", "Hình thức chia sẻ"],
    ["sharing_modes", "Loại chia sẻ"], ["notes", "Ghi chú"]
  ];

  /**
   * @param dialog the <dialog> element of the mounted assistant.
   * @param ctx {base, lookupUrl, external, headingId}: server address, lookup page, open links in a new tab, id of
   *   the dialog's heading (its aria-labelledby).
   */
  C.citationDialog = function (dialog, ctx) {
    var lastFocus = null;
    dialog.addEventListener("close", function () { if (lastFocus && lastFocus.isConnected) lastFocus.focus(); });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });

    function field(dl, label, value) {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
      dl.appendChild(el("dt", { text: label }));
      dl.appendChild(el("dd", { text: Array.isArray(value) ? value.join(", ") : String(value) }));
    }

    /** The quote, labelled: an entry's quoted lines each under the field they come from. */
    function excerpt(citation, rec) {
      var quote = el("blockquote", { class: "csdlqa-quote" });
      var lines = citation.quote.split("\n").filter(function (l) { return l.trim(); });
      if (citation.kind !== "entry" || !rec) { quote.textContent = citation.quote; return quote; }
      var groups = [];
      lines.forEach(function (line) {
        var label = "Trích dẫn";
        for (var k = 0; k < ENTRY_FIELDS.length; k++) {
          var value = rec[ENTRY_FIELDS[k][0]];
          if (typeof value === "string" && value.indexOf(line) >= 0) { label = ENTRY_FIELDS[k][1]; break; }
        }
        var last = groups[groups.length - 1];
        if (last && last.label === label) last.lines.push(line); else groups.push({ label: label, lines: [line] });
      });
      var dl = el("dl", { class: "csdlqa-fields" });
      groups.forEach(function (g) { field(dl, g.label, g.lines.join("\n")); });
      quote.appendChild(dl);
      return quote;
    }

    function sourceLink(citation, rec) {
      var spans = citation.source_lines && citation.source_lines.length ? citation.source_lines : (rec.source_lines ? [rec.source_lines] : []);
      if (!spans.length) return null;
      var file = rec.source_file || (rec.document && rec.document.source_file) || "";
      return el("p", { class: "csdlqa-source-link" }, [
        el("a", { href: C.sourceHref(ctx.base, citation.document_id, spans), target: ctx.external ? "_blank" : null, text: "Xem trong văn bản" }),
        " (" + C.linesText(spans) + (file ? " của " + file : "") + ")"
      ]);
    }

    function openCitation(citation, opener) {
      lastFocus = opener;
      var heading = el("h3", { id: ctx.headingId, text: citation.title });
      var closeBtn = el("button", { type: "button", class: "csdlqa-btn", text: "Đóng", "aria-label": "Đóng (Esc)", onclick: function () { dialog.close(); } });
      var bodyBox = el("div", { class: "csdlqa-dialog-body" }, [el("p", { class: "csdlqa-pending", text: "Đang tải bản ghi…" })]);
      dialog.textContent = "";
      dialog.appendChild(el("div", { class: "csdlqa-dialog-head" }, [heading, closeBtn]));
      dialog.appendChild(bodyBox);
      if (!dialog.open) dialog.showModal();
      closeBtn.focus();
      var isDoc = citation.kind === "document";
      var url = isDoc ? ctx.base + "/api/documents/" + encodeURIComponent(citation.id)
        : ctx.base + "/api/entries/" + citation.id.split("/").map(encodeURIComponent).join("/");
      C.request(url, {}).then(function (rec) {
        var doc = isDoc ? rec : rec.document;
        bodyBox.textContent = "";
        if (citation.quote) {
          bodyBox.appendChild(el("p", { class: "csdlqa-sources-label", text: isDoc ? "Đoạn trích từ văn bản gốc:" : "Đoạn trích làm căn cứ:" }));
          bodyBox.appendChild(excerpt(citation, rec));
        }
        var link = sourceLink(citation, rec);
        if (link) bodyBox.appendChild(link);
        var dl = el("dl", { class: "csdlqa-fields" });
        if (rec.kind === "entry") {
          field(dl, "Số thứ tự", (rec.group ? rec.group + "-" : "") + rec.number);
          ENTRY_FIELDS.forEach(function (f) { field(dl, f[1], f[0] === "agency" ? C.agencyText(rec) : rec[f[0]]); });
          field(dl, "Căn cứ đọc ô cơ quan", rec.agency_repair);
        } else if (rec.kind === "clause") {
          field(dl, "Điều khoản", citation.title);
          field(dl, "Tiêu đề điều", rec.heading);
          field(dl, "Nội dung", rec.text);
        }
        field(dl, "Tỉnh", doc.province);
        field(dl, "Văn bản", C.decisionLine(doc));
        field(dl, "Trích yếu", doc.title);
        if (isDoc) field(dl, "Người ký", [doc.signer_title, doc.signer].filter(Boolean).join(" "));
        field(dl, isDoc ? "Mã văn bản" : "Mã bản ghi", rec.id);
        bodyBox.appendChild(dl);
        if (rec.kind === "entry") {
          // "/" stays readable in the id, as in the lookup page's own URLs.
          bodyBox.appendChild(el("p", {}, [el("a", { href: ctx.lookupUrl + "?id=" + encodeURIComponent(rec.id).replace(/%2F/g, "/"), target: ctx.external ? "_blank" : null, text: "Mở trong trang tra cứu" })]));
        }
      }, function (err) {
        bodyBox.textContent = "";
        bodyBox.appendChild(el("p", { class: "csdlqa-a is-error", role: "alert", text: "Không tải được bản ghi " + citation.id + ": " + C.errorText(err) }));
        if (citation.quote) bodyBox.appendChild(el("blockquote", { class: "csdlqa-quote", text: citation.quote }));
      });
    }

    return openCitation;
  };
})();
