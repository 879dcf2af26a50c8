/* Source viewer: /van-ban/<document id> shows the decision's text line by line; #L34-L40 (or #L34-L40,L46) marks
   those lines, scrolls to them and puts the keyboard focus there. Text goes through textContent only (CsdlQa.el). */
(function () {
  "use strict";
  var el, request, source, note, total = 0;

  /** "#L34-L40,L46" → [[34, 40], [46, 46]]; null when the hash is not a list of line ranges. */
  function parseSpans(hash) {
    var raw = hash.replace(/^#/, "");
    if (!raw) return [];
    var spans = [];
    var ok = raw.split(",").every(function (part) {
      var m = /^L(\d{1,7})(?:-L?(\d{1,7}))?$/.exec(part.trim());
      if (!m) return false;
      var a = Number(m[1]), b = m[2] ? Number(m[2]) : a;
      if (a < 1 || b < a) return false;
      spans.push([a, b]);
      return true;
    });
    return ok ? spans : null;
  }

  function clearMarks() {
    source.querySelectorAll(".sl.is-marked").forEach(function (row) {
      row.classList.remove("is-marked", "is-first");
      row.removeAttribute("tabindex");
      row.removeAttribute("aria-label");
    });
  }

  function mark() {
    // Another anchor (the skip link's #source) leaves the marks as they are.
    if (!total || (location.hash && !/^#L/.test(location.hash))) return;
    clearMarks();
    var spans = parseSpans(location.hash);
    if (spans === null) {
      note.textContent = "Liên kết dòng không hợp lệ (ví dụ đúng: #L34-L40). Văn bản hiện từ đầu.";
      return;
    }
    var beyond = spans.filter(function (s) { return s[0] > total; });
    spans = spans.filter(function (s) { return s[0] <= total; }).map(function (s) { return [s[0], Math.min(s[1], total)]; });
    if (!spans.length) {
      note.textContent = beyond.length ? "Văn bản chỉ có " + total + " dòng; không có dòng được hỏi." : "";
      return;
    }
    var first = null;
    spans.forEach(function (s) {
      for (var n = s[0]; n <= s[1]; n++) {
        var row = document.getElementById("L" + n);
        row.classList.add("is-marked");
        if (!first) first = row;
      }
    });
    var words = spans.map(function (s) { return s[0] === s[1] ? String(s[0]) : s[0] + "–" + s[1]; }).join(", ");
    note.textContent = "Đang đánh dấu dòng " + words + " (phần được trích dẫn).";
    first.classList.add("is-first");
    // The first marked line takes the focus, so keyboard and screen-reader users start where the citation points.
    first.setAttribute("tabindex", "-1");
    first.setAttribute("aria-label", "Bắt đầu đoạn được đánh dấu, dòng " + first.id.slice(1));
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }

  function render(doc, data) {
    var CsdlQa = window.CsdlQa;
    document.title = doc.province + " — " + (doc.number ? "Quyết định " + doc.number : "Quyết định") + " — văn bản gốc";
    document.getElementById("doc-title").textContent = CsdlQa.decisionLine(doc);
    document.getElementById("doc-meta").textContent = doc.title + " · tệp " + data.source_file + " · " + data.total_lines + " dòng";
    total = data.total_lines;
    document.getElementById("goto-line").max = String(total);
    var frag = document.createDocumentFragment();
    data.lines.forEach(function (line) {
      frag.appendChild(el("div", { class: "sl", id: "L" + line.number }, [
        el("a", { class: "sl-n", href: "#L" + line.number, tabindex: "-1", "aria-label": "Dòng " + line.number, text: String(line.number) }),
        el("span", { class: "sl-t", text: line.text })
      ]));
    });
    source.textContent = "";
    source.appendChild(frag);
    mark();
  }

  document.addEventListener("DOMContentLoaded", function () {
    el = window.CsdlQa.el;
    request = window.CsdlQa.request;
    source = document.getElementById("source");
    note = document.getElementById("marked");
    var id = decodeURIComponent(location.pathname.replace(/^.*\/van-ban\//, "").replace(/\/$/, ""));
    var api = "/api/documents/" + encodeURIComponent(id);
    Promise.all([request(api, {}), request(api + "/text", {})]).then(function (both) {
      render(both[0], both[1]);
    }, function (err) {
      source.textContent = "";
      source.appendChild(el("p", { class: "empty", role: "alert", text: "Không tải được văn bản: " + window.CsdlQa.errorText(err) }));
    });
    window.addEventListener("hashchange", mark);
    document.getElementById("goto").addEventListener("submit", function (e) {
      e.preventDefault();
      var n = Number(document.getElementById("goto-line").value);
      if (n >= 1 && n <= total) location.hash = "L" + n;
    });
  });
})();
