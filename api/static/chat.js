/* The assistant component: window.CsdlQa.mount(container, {base}) — used by "/" and by widget.js.
   Every user or source text goes through textContent (el()), never innerHTML. */
(function () {
  "use strict";
  if (window.CsdlQa) return;

  var TIMEOUT_MS = 20000;
  var MAX_CHARS = 1000;
  var SESSION_KEY = "csdlqa.session";
  var HISTORY_KEY = "csdlqa.history";
  var EXAMPLES = [
    "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?",
    "Hải Dương có những CSDL dùng chung nào về y tế?",
    "CSDL hộ tịch điện tử được chia sẻ theo hình thức nào?",
    "Quyết định danh mục CSDL dùng chung của Quảng Ninh thay thế quyết định nào?"
  ];
  var STATUS_TAG = { not_found: "Không có trong danh mục", clarify: "Cần làm rõ" };

  /** A new element with attributes and children; strings become text nodes, never HTML. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function store(key, value) {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage disabled: the conversation then lasts as long as the page */ }
  }

  function load(key, fallback) {
    try { var v = sessionStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
  }

  /** fetch with a time limit; rejects with {kind: "timeout" | "network" | "http", detail}. */
  function request(url, options) {
    var ctrl = new AbortController();
    var timer = setTimeout(function () { ctrl.abort(); }, TIMEOUT_MS);
    options = options || {};
    options.signal = ctrl.signal;
    return fetch(url, options).then(function (resp) {
      clearTimeout(timer);
      return resp.json().catch(function () { return {}; }).then(function (body) {
        if (!resp.ok) throw { kind: "http", status: resp.status, detail: body.detail };
        return body;
      });
    }, function (err) {
      clearTimeout(timer);
      throw { kind: err && err.name === "AbortError" ? "timeout" : "network" };
    });
  }

  function errorText(err) {
    if (err.kind === "timeout") return "Máy chủ phản hồi quá lâu (hơn " + TIMEOUT_MS / 1000 + " giây). Vui lòng thử lại sau ít phút.";
    if (err.kind === "network") return "Không kết nối được với máy chủ trợ lý. Hãy kiểm tra mạng rồi gửi lại.";
    if (typeof err.detail === "string" && err.detail) return err.detail;
    return "Máy chủ trả lời lỗi (" + err.status + "). Vui lòng thử lại.";
  }

  function sourcesText(response) {
    var lines = [response.answer];
    if (response.citations.length) {
      lines.push("", "Nguồn:");
      response.citations.forEach(function (c, i) {
        lines.push("[" + (i + 1) + "] " + c.title + " — " + c.document_title + " (" + c.province + "), mã " + c.id);
      });
    }
    return lines.join("\n");
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = el("textarea", { style: "position:fixed;left:-9999px", "aria-hidden": "true" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  /** "2022-07-12" → "ngày 12/07/2022"; a partial date ("2026", "2026-03") says only what is known. */
  function formatDate(iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return iso || "";
    if (m[3]) return "ngày " + m[3] + "/" + m[2] + "/" + m[1];
    return m[2] ? "tháng " + m[2] + "/" + m[1] : "năm " + m[1];
  }

  /** "Quyết định số 1402/QĐ-UBND ngày 12/07/2022 — Hà Tĩnh": how desk staff name a decision. */
  function decisionLine(doc) {
    var parts = ["Quyết định"];
    parts.push(doc.number ? "số " + doc.number : "(số chưa ghi trong văn bản)");
    if (doc.date) parts.push(formatDate(doc.date));
    return parts.join(" ") + " của UBND tỉnh " + doc.province;
  }

  /** [[34, 40], [46, 46]] → "dòng 34–40, 46". */
  function linesText(spans) {
    return "dòng " + spans.map(function (s) { return s[0] === s[1] ? String(s[0]) : s[0] + "–" + s[1]; }).join(", ");
  }

  /** The source viewer at those lines: "/van-ban/ha-tinh-2022#L34-L40,L46". */
  function sourceHref(base, documentId, spans) {
    var anchor = spans.map(function (s) { return "L" + s[0] + (s[1] !== s[0] ? "-L" + s[1] : ""); }).join(",");
    return base + "/van-ban/" + encodeURIComponent(documentId) + (anchor ? "#" + anchor : "");
  }

  // A list line of an answer: "- Tên CSDL (Cơ quan) [12]".
  var LIST_LINE = /^- (.*?)\s*((?:\[\d+\])+)$/;

  /** The lines [from, to) as a list with one citation each: a compact list, one chip per entry (else null). */
  function listRun(lines, from) {
    var to = from, seen = {};
    while (to < lines.length) {
      var m = LIST_LINE.exec(lines[to]);
      var first = m && /\[(\d+)\]/.exec(m[2])[1];
      if (!m || seen[first]) break;
      seen[first] = true;
      to++;
    }
    return to - from >= 3 ? to : null;
  }

  /** The agency as the registry names it, with the cell as the source wrote it when that differs:
      "Sở Nông nghiệp và Môi trường (văn bản nguồn ghi: «Sở Nông ngành và Môi trường»)". */
  function agencyText(rec) {
    var name = rec.agency_name || rec.agency;
    return name === rec.agency ? name : name + " (văn bản nguồn ghi: «" + rec.agency + "»)";
  }

  function mount(container, options) {
    options = options || {};
    var base = (options.base || "").replace(/\/$/, "");
    var lookupUrl = base + "/tra-cuu";
    var pending = false;

    var log = el("div", { class: "csdlqa-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Cuộc trò chuyện", tabindex: "0" });
    var input = el("textarea", { class: "csdlqa-input", id: "csdlqa-q-" + Math.random().toString(36).slice(2), rows: "1", maxlength: String(MAX_CHARS), "aria-describedby": null });
    var hint = el("div", { class: "csdlqa-hint", id: input.id + "-hint", text: "Enter để gửi · Shift+Enter xuống dòng · tối đa " + MAX_CHARS + " ký tự" });
    input.setAttribute("aria-describedby", hint.id);
    var send = el("button", { type: "submit", class: "csdlqa-btn csdlqa-btn-primary", text: "Gửi" });
    var form = el("form", { class: "csdlqa-form", onsubmit: function (e) { e.preventDefault(); ask(input.value); } }, [
      el("label", { for: input.id, text: "Câu hỏi của bạn" }),
      el("div", { class: "csdlqa-row" }, [input, send]), hint
    ]);
    var fresh = el("button", { type: "button", class: "csdlqa-btn", text: "Cuộc trò chuyện mới", onclick: reset });
    var dialog = el("dialog", { class: "csdlqa-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": input.id + "-dt" });
    // citation.js, loaded after this file, opens a cited record in the dialog.
    var openCitation = window.CsdlQa.citationDialog(dialog, { base: base, lookupUrl: lookupUrl, external: options.external, headingId: input.id + "-dt" });

    var root = el("section", { class: "csdlqa", "aria-label": "Trợ lý hỏi đáp danh mục CSDL dùng chung" }, [
      el("div", { class: "csdlqa-bar" }, [el("h2", { text: options.title || "Trợ lý danh mục CSDL dùng chung" }), fresh].concat(options.barExtras || [])),
      log, form, dialog
    ]);
    container.appendChild(root);

    // Vietnamese input methods commit a word with Enter: that Enter is not a "send" (isComposing, or keyCode 229 as
    // Safari reports it, or the Enter that arrives right after compositionend).
    var composedAt = 0;
    input.addEventListener("compositionend", function () { composedAt = Date.now(); });
    input.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" || e.shiftKey) return;
      if (e.isComposing || e.keyCode === 229 || Date.now() - composedAt < 50) return;
      e.preventDefault();
      ask(input.value);
    });
    input.addEventListener("input", function () {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight + 2, 140) + "px";
    });

    function intro() {
      return el("div", { class: "csdlqa-intro" }, [
        el("p", { text: "Xin chào! Tôi trả lời câu hỏi về danh mục cơ sở dữ liệu dùng chung của Hà Tĩnh, Hải Dương và Quảng Ninh, kèm nguồn trích dẫn từ quyết định gốc." }),
        el("p", { text: "Thử một câu hỏi mẫu:" }),
        el("div", { class: "csdlqa-examples" }, EXAMPLES.map(function (q) {
          return el("button", { type: "button", class: "csdlqa-example", text: q, onclick: function () { ask(q); } });
        }))
      ]);
    }

    function scrollDown() { log.scrollTop = log.scrollHeight; }

    /** A short answer: scroll to the end. A long one: its question and first line at the top of the log. */
    function reveal(question, answer) {
      if (!answer || answer.offsetHeight + question.offsetHeight + 12 <= log.clientHeight) { scrollDown(); return; }
      log.scrollTop += question.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    }

    function citationButton(c, n, chip) {
      var open = function (e) { openCitation(c, e.currentTarget); };
      if (!chip) return el("button", { type: "button", class: "csdlqa-mark", tabindex: "-1", "data-citation-id": c.id, "aria-label": "Nguồn " + n + ": " + c.title, text: "[" + n + "]", onclick: open });
      return el("button", { type: "button", class: "csdlqa-chip csdlqa-chip-inline", "data-citation-id": c.id, title: "Xem bản ghi " + c.id, "aria-label": "Nguồn " + n + ": " + c.title + " · " + c.province, text: "[" + n + "]", onclick: open });
    }

    /** Text with its "[n]" markers as buttons that open the n-th citation (the mouse's way; chips serve the keyboard). */
    function inline(box, str, response) {
      str.split(/(\[\d+\])/).forEach(function (part) {
        var m = /^\[(\d+)\]$/.exec(part);
        var c = m && response.citations[Number(m[1]) - 1];
        if (c) box.appendChild(citationButton(c, m[1], false));
        else if (part) box.appendChild(document.createTextNode(part));
      });
    }

    function answerBody(response) {
      var box = el("div", { class: "csdlqa-msg csdlqa-a is-" + response.status });
      if (STATUS_TAG[response.status]) box.appendChild(el("div", { class: "csdlqa-tag", text: STATUS_TAG[response.status] }));
      var text = el("div");
      var chipped = {};
      var lines = response.answer.split("\n");
      for (var i = 0; i < lines.length;) {
        var end = listRun(lines, i);
        if (end === null) {
          inline(text, lines[i] + (i + 1 < lines.length && listRun(lines, i + 1) === null ? "\n" : ""), response);
          i++;
          continue;
        }
        // A long list: one item per entry with its own chip, instead of a wall of markers and a wall of chips.
        var list = el("ul", { class: "csdlqa-list" });
        for (; i < end; i++) {
          var m = LIST_LINE.exec(lines[i]);
          var item = el("li", {}, [m[1] + " "]);
          m[2].match(/\d+/g).forEach(function (n) {
            var c = response.citations[Number(n) - 1];
            if (!c) return;
            item.appendChild(citationButton(c, n, !chipped[n]));
            chipped[n] = true;
          });
          list.appendChild(item);
        }
        text.appendChild(list);
      }
      box.appendChild(text);
      var rest = response.citations.filter(function (c, i) { return !chipped[i + 1]; });
      if (rest.length) {
        var sources = el("div", { class: "csdlqa-sources", role: "group", "aria-label": "Nguồn trích dẫn" }, [el("span", { class: "csdlqa-sources-label", text: "Nguồn:" })]);
        response.citations.forEach(function (c, i) {
          if (chipped[i + 1]) return;
          sources.appendChild(el("button", { type: "button", class: "csdlqa-chip", "data-citation-id": c.id, title: "Xem bản ghi " + c.id, onclick: function (e) { openCitation(c, e.currentTarget); } },
            [el("b", { text: "[" + (i + 1) + "] " }), c.title + " · " + c.province]));
        });
        box.appendChild(sources);
      }
      var note = el("span", { class: "csdlqa-copied", role: "status" });
      box.appendChild(el("div", { class: "csdlqa-actions" }, [
        el("button", { type: "button", class: "csdlqa-btn", text: "Sao chép câu trả lời kèm nguồn", onclick: function () {
          copyText(sourcesText(response)).then(function () { note.textContent = "Đã sao chép."; }, function () { note.textContent = "Không sao chép được."; });
        } }), note
      ]));
      return box;
    }

    function errorBody(message, question) {
      return el("div", { class: "csdlqa-msg csdlqa-a is-error", role: "alert" }, [
        el("div", { text: message }),
        el("div", { class: "csdlqa-actions" }, [el("button", { type: "button", class: "csdlqa-btn", text: "Gửi lại", onclick: function (e) { e.currentTarget.disabled = true; ask(question); } })])
      ]);
    }

    function ask(raw) {
      var question = (raw || "").trim();
      if (pending) return;
      if (!question) { input.focus(); return; }
      pending = true;
      send.disabled = true;
      input.value = "";
      input.style.height = "auto";
      // aria-busy holds the log's announcement until the answer is complete (question and answer read together).
      log.setAttribute("aria-busy", "true");
      var asked = el("div", { class: "csdlqa-msg csdlqa-q", text: question });
      log.appendChild(asked);
      var waiting = el("div", { class: "csdlqa-msg csdlqa-pending", text: "Đang tìm câu trả lời…" });
      var answered = null;
      log.appendChild(waiting);
      scrollDown();
      var body = { question: question, session_id: load(SESSION_KEY, null) };
      request(base + "/api/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
        .then(function (response) {
          store(SESSION_KEY, response.session_id);
          var history = load(HISTORY_KEY, []);
          history.push({ question: question, response: response });
          store(HISTORY_KEY, history.slice(-50));
          answered = answerBody(response);
          if (response.session_restarted) {
            // The server no longer knew the conversation (expired or cleared): say so, above the answer.
            answered.insertBefore(el("p", { class: "csdlqa-notice", role: "status",
              text: "Cuộc trò chuyện trước đã hết hạn; câu hỏi này được trả lời như một cuộc trò chuyện mới." }),
              answered.firstChild);
          }
          waiting.replaceWith(answered);
        }, function (err) {
          waiting.replaceWith(errorBody(errorText(err), question));
          if (!input.value) input.value = question; // nothing typed is lost
        })
        .then(function () {
          pending = false;
          send.disabled = false;
          log.setAttribute("aria-busy", "false");
          reveal(asked, answered);
          if (!dialog.open) input.focus();
        });
    }

    function reset() {
      store(SESSION_KEY, null);
      store(HISTORY_KEY, null);
      log.textContent = "";
      log.appendChild(intro());
      input.value = "";
      input.focus();
    }

    // A reload of the tab shows the conversation so far; the server keeps its context under the same session_id.
    var history = load(HISTORY_KEY, []);
    log.appendChild(intro());
    history.forEach(function (turn) {
      log.appendChild(el("div", { class: "csdlqa-msg csdlqa-q", text: turn.question }));
      log.appendChild(answerBody(turn.response));
    });
    scrollDown();
    return { root: root, input: input, ask: ask, reset: reset, dialog: dialog };
  }

  window.CsdlQa = {
    mount: mount, el: el, request: request, errorText: errorText, decisionLine: decisionLine, formatDate: formatDate,
    linesText: linesText, sourceHref: sourceHref, agencyText: agencyText
  };
})();
