/* Lookup page for desk staff: ranked search as you type, facets with counts, sort, export, one entry's record.
   Every state of the page lives in the query string (?q=ho+tich&document=ha-tinh-2022&sort=stt&id=ha-tinh-2022/32),
   so a view can be bookmarked, shared and reloaded, and back/forward step through it. Old links with the record in
   the hash (#ha-tinh-2022/29) still open it. Text goes through textContent only (CsdlQa.el). */
(function () {
  "use strict";
  var el, request;
  var FACETS = ["document", "agency", "sector", "sharing_mode"];
  var KEYS = ["q", "document", "agency", "sector", "sharing_mode", "sort", "id"];
  var ALL = { document: "Tất cả các tỉnh", agency: "Tất cả cơ quan", sector: "Tất cả lĩnh vực", sharing_mode: "Mọi hình thức" };
  var FIELDS = [
    ["agency", "Cơ quan quản lý"], ["group_title", "Nhóm"], ["purpose", "Mục đích"], ["scope", "Phạm vi"],
    ["content", "Nội dung"], ["collection", "Thu thập, cập nhật, nguồn dữ liệu"], ["sharing", "Hình thức chia sẻ"],
    ["sharing_modes", "Loại chia sẻ"], ["notes", "Ghi chú"]
  ];
  var form, q, results, detail, count, note, copied;
  var state = {}, timer = null, typing = false, seq = 0, showSeq = 0, provinces = {}, documents = [], missing = 0;

  // The record id of a link, or null when it is not one: a truncated link ("…/29%") must not throw, and a path
  // with empty, "." or ".." segments must never become a request. "" means no record.
  function validId(raw, encoded) {
    var id = raw;
    if (encoded) { try { id = decodeURIComponent(raw); } catch (err) { return null; } }
    if (!id) return "";
    var parts = id.split("/");
    var ok = parts.length === 2 && parts.every(function (p) { return p && p !== "." && p !== ".."; }) &&
      /^[a-z0-9-]+\/[A-Za-z0-9.-]+$/.test(id);
    return ok ? id : null;
  }

  function readUrl() {
    var p = new URLSearchParams(location.search);
    var s = {};
    KEYS.forEach(function (k) { s[k] = p.get(k) || ""; });
    if (!s.id && location.hash.length > 1) s.id = location.hash.slice(1); // legacy link: #ha-tinh-2022/29
    s.legacy = !p.get("id") && location.hash.length > 1;
    return s;
  }

  // The query string of a state; "/" stays readable in a record id (?id=ha-tinh-2022/29), as RFC 3986 allows.
  function query(s, withId) {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) {
      if (!s[k] || (k === "id" && !withId) || (k === "sort" && s.sort === "relevance")) return;
      p.set(k, s[k]);
    });
    return p.toString().replace(/%2F/g, "/");
  }

  function pageUrl(s) { var qs = query(s, true); return location.pathname + (qs ? "?" + qs : ""); }

  /** Change the state, record it in the history (a new entry, or the same one while a word is being typed). */
  function commit(changes, options) {
    var before = state;
    state = Object.assign({}, state, changes, { legacy: false });
    var url = pageUrl(state);
    if (options && options.replace) history.replaceState(null, "", url);
    else if (url !== location.pathname + location.search || location.hash) history.pushState(null, "", url);
    var listChanged = KEYS.some(function (k) { return k !== "id" && before[k] !== state[k]; });
    if (listChanged) refresh();
    if (before.id !== state.id) show();
  }

  function controls() {
    q.value = state.q;
    form.elements.sort.value = state.sort || "relevance";
    FACETS.forEach(function (f) { if (form.elements[f].options.length) fillSelect(f, null); });
  }

  function fillSelect(name, values) {
    var select = form.elements[name];
    var current = state[name];
    if (values) {
      select.textContent = "";
      select.appendChild(el("option", { value: "", text: ALL[name] }));
      values.forEach(function (v) {
        var extra = v.derived ? " · " + v.derived + " suy ra" : "";
        select.appendChild(el("option", { value: v.value, text: v.label + " (" + v.count + extra + ")" }));
      });
    }
    var seen = Array.prototype.some.call(select.options, function (o) { return o.value === current; });
    // A chosen value that no longer matches anything stays visible, with a zero count, rather than vanishing.
    if (current && !seen) select.appendChild(el("option", { value: current, text: current + " (0)" }));
    select.value = current;
  }

  function sectorNote() {
    var without = documents.filter(function (d) { return !d.sector_column; }).map(function (d) { return d.province; });
    var withCol = documents.filter(function (d) { return d.sector_column; }).map(function (d) { return d.province; });
    var parts = [];
    if (without.length) {
      parts.push((withCol.length ? withCol.join(", ") + " ghi lĩnh vực trong danh mục; " : "") + without.join(", ") +
        " không có cột lĩnh vực nên lĩnh vực được suy ra từ tên cơ quan quản lý (ghi «suy ra»).");
    }
    if (missing) parts.push(missing + " CSDL không xác định được lĩnh vực và chỉ hiện khi chọn «" + ALL.sector + "».");
    note.textContent = parts.join(" ");
  }

  function sectorText(e) {
    if (!e.sector_label) return "";
    return e.sector_label + (e.sector_source === "derived" ? " (suy ra)" : "");
  }

  function refresh() {
    var mine = ++seq;
    var qs = query(state, false);
    document.getElementById("export-csv").href = "/api/entries.csv" + (qs ? "?" + qs : "");
    document.getElementById("export-xlsx").href = "/api/entries.xlsx" + (qs ? "?" + qs : "");
    request("/api/entries" + (qs ? "?" + qs : ""), {}).then(function (data) {
      if (mine !== seq) return; // an older answer arriving late must not overwrite a newer one
      data.facets.document.forEach(function (d) { provinces[d.value] = d.label; });
      FACETS.forEach(function (f) { fillSelect(f, data.facets[f]); });
      missing = data.facets.sector_missing;
      sectorNote();
      var how = state.q && data.sort === "relevance" ? " · xếp theo mức phù hợp với «" + state.q + "»" : "";
      count.textContent = data.total + " cơ sở dữ liệu" + how;
      results.textContent = "";
      if (!data.total) {
        results.appendChild(el("li", { class: "empty", text: "Không có cơ sở dữ liệu nào khớp. Hãy bớt từ khóa hoặc bộ lọc." }));
      }
      data.entries.forEach(function (e) {
        var meta = [provinces[e.document_id] || e.document_id, window.CsdlQa.agencyText(e), sectorText(e)].filter(Boolean).join(" · ");
        results.appendChild(el("li", {}, [el("a", {
          href: pageUrl(Object.assign({}, state, { id: e.id })), class: "result", "data-entry-id": e.id,
          "aria-current": e.id === state.id ? "true" : null,
          onclick: function (ev) { if (plainClick(ev)) { ev.preventDefault(); commit({ id: e.id }); } }
        }, [el("span", { class: "r-name", text: e.name }), el("span", { class: "r-meta", text: meta })])]));
      });
    }, function (err) {
      if (mine !== seq) return;
      count.textContent = "Không tải được danh mục: " + window.CsdlQa.errorText(err);
    });
  }

  function plainClick(ev) { return ev.button === 0 && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && !ev.altKey; }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", { text: label }));
    dl.appendChild(el("dd", { text: Array.isArray(value) ? value.join(", ") : String(value) }));
  }

  function sectorRow(dl, rec) {
    if (rec.sector_source === "source") row(dl, "Lĩnh vực", rec.sector_label + " (danh mục ghi: " + rec.sector + ")");
    else if (rec.sector_source === "derived") {
      row(dl, "Lĩnh vực", rec.sector_label + " — suy ra từ cơ quan quản lý; danh mục của tỉnh không có cột lĩnh vực");
    } else row(dl, "Lĩnh vực", "Chưa xác định (danh mục không có cột lĩnh vực, cơ quan không gắn với một lĩnh vực)");
  }

  function placeholder(text, alert) {
    detail.textContent = "";
    detail.appendChild(el("p", { class: "empty", role: alert ? "alert" : null, text: text }));
  }

  function show() {
    var mine = ++showSeq;
    var id = validId(state.id, state.legacy);
    document.body.setAttribute("data-view", id ? "entry" : "list");
    results.querySelectorAll("[data-entry-id]").forEach(function (b) {
      if (b.getAttribute("data-entry-id") === id) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
    });
    if (id === null) { placeholder("Không tìm thấy bản ghi: đường dẫn không hợp lệ.", true); return; }
    if (!id) { placeholder("Chọn một cơ sở dữ liệu trong danh sách để xem đầy đủ thông tin và quyết định gốc."); return; }
    request("/api/entries/" + id.split("/").map(encodeURIComponent).join("/"), {}).then(function (rec) {
      if (mine !== showSeq) return;
      detail.textContent = "";
      if (rec.kind !== "entry") {
        detail.appendChild(el("h3", { text: "Điều " + rec.article }));
        detail.appendChild(el("p", { text: rec.text }));
        return;
      }
      detail.appendChild(el("div", { class: "actions" }, [
        el("button", { type: "button", class: "back", text: "← Về danh sách kết quả", onclick: function () {
          var current = results.querySelector("[aria-current='true']") || results;
          current.scrollIntoView({ block: "center" });
          if (current.focus) current.focus();
        } }),
        el("button", { type: "button", class: "print", text: "In bản ghi", onclick: function () { window.print(); } })
      ]));
      detail.appendChild(el("h3", { text: rec.name }));
      detail.appendChild(el("p", { class: "d-id", text: rec.document.province + " · STT " + (rec.group ? rec.group + "-" : "") + rec.number + " · mã " + rec.id }));
      var dl = el("dl");
      row(dl, FIELDS[0][1], window.CsdlQa.agencyText(rec));
      row(dl, "Căn cứ đọc ô cơ quan", rec.agency_repair);
      sectorRow(dl, rec);
      FIELDS.slice(1).forEach(function (f) { row(dl, f[1], rec[f[0]]); });
      row(dl, "Văn bản ban hành", window.CsdlQa.decisionLine(rec.document));
      row(dl, "Trích yếu", rec.document.title);
      row(dl, "Người ký", [rec.document.signer_title, rec.document.signer].filter(Boolean).join(" "));
      row(dl, "Vị trí trong văn bản", "dòng " + rec.source_lines[0] + "–" + rec.source_lines[1] + " của " + rec.document.source_file);
      detail.appendChild(dl);
      detail.appendChild(el("p", { class: "d-source" }, [el("a", { href: window.CsdlQa.sourceHref("", rec.document_id, [rec.source_lines]), text: "Xem trong văn bản" })]));
      detail.appendChild(el("h4", { text: "Các CSDL khác của " + (rec.agency_name || rec.agency) + " (" + rec.same_agency.length + ")" }));
      if (rec.same_agency.length) {
        detail.appendChild(el("ul", {}, rec.same_agency.map(function (o) {
          return el("li", {}, [el("a", { href: pageUrl(Object.assign({}, state, { id: o.id })), text: o.name, onclick: function (ev) {
            if (plainClick(ev)) { ev.preventDefault(); commit({ id: o.id }); }
          } })]);
        })));
      } else {
        detail.appendChild(el("p", { class: "r-meta", text: "Cơ quan này chỉ quản lý cơ sở dữ liệu trên trong quyết định." }));
      }
      if (window.matchMedia("(max-width: 760px)").matches) detail.scrollIntoView({ block: "start" });
    }, function (err) {
      if (mine !== showSeq) return;
      placeholder("Không mở được " + id + ": " + window.CsdlQa.errorText(err), true);
    });
  }

  function copyLink() {
    var url = location.href;
    function said(ok) { copied.textContent = ok ? "Đã sao chép liên kết." : "Hãy sao chép địa chỉ này: " + url; }
    function fallback() {
      var box = el("textarea", { class: "offscreen", readonly: "readonly" });
      box.value = url;
      document.body.appendChild(box);
      box.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      box.remove();
      said(ok);
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(function () { said(true); }, fallback);
    else fallback();
  }

  function fromUrl() {
    state = readUrl();
    controls();
    refresh();
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    el = window.CsdlQa.el;
    request = window.CsdlQa.request;
    form = document.getElementById("filters");
    q = document.getElementById("q");
    results = document.getElementById("results");
    detail = document.getElementById("detail");
    count = document.getElementById("count");
    note = document.getElementById("sector-note");
    copied = document.getElementById("copied");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      typing = false;
      commit({ q: q.value.trim() });
    });
    // A word being typed is one history entry: the first pause adds it, later pauses update it.
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { commit({ q: q.value.trim() }, { replace: typing }); typing = true; }, 250);
    });
    q.addEventListener("blur", function () { typing = false; });
    FACETS.concat(["sort"]).forEach(function (f) {
      form.elements[f].addEventListener("change", function () {
        typing = false;
        var change = {};
        change[f] = form.elements[f].value === "relevance" ? "" : form.elements[f].value;
        commit(change);
      });
    });
    document.getElementById("clear").addEventListener("click", function () {
      typing = false;
      commit({ q: "", document: "", agency: "", sector: "", sharing_mode: "", sort: "" });
      controls();
      q.focus();
    });
    document.getElementById("copy-link").addEventListener("click", copyLink);
    window.addEventListener("popstate", fromUrl);
    window.addEventListener("hashchange", function () { if (location.hash.length > 1) fromUrl(); });
    request("/api/documents", {}).then(function (data) { documents = data.documents; sectorNote(); }, function () { documents = []; });
    fromUrl();
    // An old link with the record in the hash becomes the query-string form (when the id is a valid one).
    if (state.legacy && validId(state.id, true)) {
      state = Object.assign({}, state, { id: validId(state.id, true), legacy: false });
      history.replaceState(null, "", pageUrl(state));
    }
  });
})();
