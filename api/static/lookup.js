/* Lookup page for desk staff: search-as-you-type with facet counts, and one entry's full record.
   Text goes through textContent only (CsdlQa.el). The selected entry is in the URL hash (#ha-tinh-2022/29). */
(function () {
  "use strict";
  var el, request;
  var FACETS = ["document", "agency", "sector", "sharing_mode"];
  var ALL = { document: "Tất cả các tỉnh", agency: "Tất cả cơ quan", sector: "Tất cả lĩnh vực", sharing_mode: "Mọi hình thức" };
  var FIELDS = [
    ["agency", "Cơ quan quản lý"], ["group_title", "Nhóm"], ["sector", "Lĩnh vực"], ["purpose", "Mục đích"], ["scope", "Phạm vi"],
    ["content", "Nội dung"], ["collection", "Thu thập, cập nhật, nguồn dữ liệu"], ["sharing", "Hình thức chia sẻ"],
    ["sharing_modes", "Loại chia sẻ"], ["notes", "Ghi chú"]
  ];
  var form, q, results, detail, count, timer = null, seq = 0, provinces = {};

  function params() {
    var p = new URLSearchParams();
    if (q.value.trim()) p.set("q", q.value.trim());
    FACETS.forEach(function (f) { var v = form.elements[f].value; if (v) p.set(f, v); });
    return p;
  }

  function fillSelect(name, values) {
    var select = form.elements[name];
    var current = select.value;
    select.textContent = "";
    select.appendChild(el("option", { value: "", text: ALL[name] }));
    var seen = false;
    values.forEach(function (v) {
      seen = seen || v.value === current;
      select.appendChild(el("option", { value: v.value, text: v.label + " (" + v.count + ")" }));
    });
    // A chosen value that no longer matches anything stays visible, with a zero count, rather than vanishing.
    if (current && !seen) select.appendChild(el("option", { value: current, text: current + " (0)" }));
    select.value = current;
  }

  function refresh() {
    var mine = ++seq;
    request("/api/entries?" + params().toString(), {}).then(function (data) {
      if (mine !== seq) return; // an older answer arriving late must not overwrite a newer one
      FACETS.forEach(function (f) { fillSelect(f, data.facets[f]); });
      data.facets.document.forEach(function (d) { provinces[d.value] = d.label; });
      count.textContent = data.total + " cơ sở dữ liệu";
      results.textContent = "";
      if (!data.total) {
        results.appendChild(el("li", { class: "empty", text: "Không có cơ sở dữ liệu nào khớp. Hãy bớt từ khóa hoặc bộ lọc." }));
      }
      var selected = hashId();
      data.entries.forEach(function (e) {
        var meta = (provinces[e.document_id] || e.document_id) + " · " + window.CsdlQa.agencyText(e) + (e.sector ? " · " + e.sector : "");
        results.appendChild(el("li", {}, [el("button", {
          type: "button", "data-entry-id": e.id, "aria-current": e.id === selected ? "true" : null,
          onclick: function () { location.hash = e.id; }
        }, [el("span", { class: "r-name", text: e.name }), el("span", { class: "r-meta", text: meta })])]));
      });
    }, function (err) {
      if (mine !== seq) return;
      count.textContent = "Không tải được danh mục: " + window.CsdlQa.errorText(err);
    });
  }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", { text: label }));
    dl.appendChild(el("dd", { text: Array.isArray(value) ? value.join(", ") : String(value) }));
  }

  function show(id) {
    results.querySelectorAll("button[data-entry-id]").forEach(function (b) {
      if (b.getAttribute("data-entry-id") === id) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
    });
    if (!id) return;
    request("/api/entries/" + id.split("/").map(encodeURIComponent).join("/"), {}).then(function (rec) {
      detail.textContent = "";
      if (rec.kind !== "entry") {
        detail.appendChild(el("h3", { text: "Điều " + rec.article }));
        detail.appendChild(el("p", { text: rec.text }));
        return;
      }
      detail.appendChild(el("button", { type: "button", class: "back", text: "← Về danh sách kết quả", onclick: function () {
        var current = results.querySelector("button[aria-current='true']") || results;
        current.scrollIntoView({ block: "center" });
        if (current.focus) current.focus();
      } }));
      detail.appendChild(el("h3", { text: rec.name }));
      detail.appendChild(el("p", { class: "d-id", text: rec.document.province + " · STT " + (rec.group ? rec.group + "-" : "") + rec.number + " · mã " + rec.id }));
      var dl = el("dl");
      FIELDS.forEach(function (f) { row(dl, f[1], f[0] === "agency" ? window.CsdlQa.agencyText(rec) : rec[f[0]]); });
      row(dl, "Căn cứ đọc ô cơ quan", rec.agency_repair);
      row(dl, "Văn bản ban hành", window.CsdlQa.decisionLine(rec.document));
      row(dl, "Trích yếu", rec.document.title);
      row(dl, "Người ký", [rec.document.signer_title, rec.document.signer].filter(Boolean).join(" "));
      row(dl, "Vị trí trong văn bản", "dòng " + rec.source_lines[0] + "–" + rec.source_lines[1] + " của " + rec.document.source_file);
      detail.appendChild(dl);
      detail.appendChild(el("p", { class: "d-source" }, [el("a", { href: window.CsdlQa.sourceHref("", rec.document_id, [rec.source_lines]), text: "Xem trong văn bản" })]));
      detail.appendChild(el("h4", { text: "Các CSDL khác của " + (rec.agency_name || rec.agency) + " (" + rec.same_agency.length + ")" }));
      if (rec.same_agency.length) {
        detail.appendChild(el("ul", {}, rec.same_agency.map(function (o) {
          return el("li", {}, [el("a", { href: "#" + o.id, text: o.name })]);
        })));
      } else {
        detail.appendChild(el("p", { class: "r-meta", text: "Cơ quan này chỉ quản lý cơ sở dữ liệu trên trong quyết định." }));
      }
      if (window.matchMedia("(max-width: 760px)").matches) detail.scrollIntoView({ block: "start" });
    }, function (err) {
      detail.textContent = "";
      detail.appendChild(el("p", { class: "empty", role: "alert", text: "Không mở được " + id + ": " + window.CsdlQa.errorText(err) }));
    });
  }

  // The record id in the hash, or null when it is not one: a truncated link ("…/29%") must not throw, and a
  // path with empty, "." or ".." segments must never become a request.
  function hashId() {
    var raw = location.hash.slice(1);
    var id;
    try { id = decodeURIComponent(raw); } catch (err) { return null; }
    if (!id) return "";
    var parts = id.split("/");
    var ok = parts.length === 2 && parts.every(function (p) { return p && p !== "." && p !== ".."; }) &&
      /^[a-z0-9-]+\/[A-Za-z0-9.-]+$/.test(id);
    return ok ? id : null;
  }

  function showHash() {
    var id = hashId();
    if (id === null) {
      detail.textContent = "";
      detail.appendChild(el("p", { class: "empty", role: "alert", text: "Không tìm thấy bản ghi: đường dẫn không hợp lệ." }));
      return;
    }
    show(id);
  }

  document.addEventListener("DOMContentLoaded", function () {
    el = window.CsdlQa.el;
    request = window.CsdlQa.request;
    form = document.getElementById("filters");
    q = document.getElementById("q");
    results = document.getElementById("results");
    detail = document.getElementById("detail");
    count = document.getElementById("count");
    form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
    q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 200); });
    FACETS.forEach(function (f) { form.elements[f].addEventListener("change", refresh); });
    document.getElementById("clear").addEventListener("click", function () {
      q.value = "";
      FACETS.forEach(function (f) { form.elements[f].value = ""; });
      refresh();
      q.focus();
    });
    window.addEventListener("hashchange", showHash);
    refresh();
    showHash();
  });
})();
