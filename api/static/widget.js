/* Embed script: <script src="(server address)/widget.js" defer></script> adds the assistant as a floating panel.
   It lives in a shadow root, so the host page's CSS and ours do not touch; it loads only this server's files. */
(function () {
  "use strict";
  if (document.getElementById("csdlqa-widget")) return;
  var script = document.currentScript;
  var src = new URL(script ? script.src : "/widget.js", location.href);
  var base = src.origin + src.pathname.replace(/\/widget\.js$/, "");

  var host = document.createElement("div");
  host.id = "csdlqa-widget";
  var shadow = host.attachShadow({ mode: "open" });
  var sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = base + "/static/chat.css";
  var style = document.createElement("style");
  style.textContent = [
    ":host { all: initial; }",
    ".launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; border: 0; border-radius: 24px;",
    "  background: #0b5cad; color: #fff; padding: 12px 18px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25);",
    "  font: 600 15px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; }",
    ".launcher:hover { background: #084a8c; }",
    ".launcher:focus-visible, .close:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }",
    ".panel { position: fixed; right: 16px; bottom: 76px; z-index: 2147483000; width: 400px; height: min(620px, calc(100vh - 96px));",
    "  background: #fff; border-radius: 12px; box-shadow: 0 10px 40px rgba(0,0,0,.3); overflow: hidden; display: flex; }",
    ".panel[hidden] { display: none; }",
    ".close { border: 1px solid #d5dde8; background: #fff; border-radius: 6px; min-height: 36px; padding: 4px 10px; cursor: pointer;",
    "  font: 14px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; }",
    "@media (max-width: 480px) { .panel { left: 0; right: 0; bottom: 0; width: 100%; height: 88vh; border-radius: 12px 12px 0 0; }",
    "  .panel:not([hidden]) + .launcher, .launcher[aria-expanded='true'] { display: none; } }"
  ].join("\n");

  var panel = document.createElement("div");
  panel.className = "panel";
  panel.id = "csdlqa-panel";
  panel.hidden = true;
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", "Khung trợ lý CSDL");
  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.textContent = "Hỏi đáp CSDL";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", panel.id);
  shadow.append(sheet, style, panel, launcher);
  (document.body || document.documentElement).appendChild(host);

  var chat = null;
  var close = document.createElement("button");
  close.type = "button";
  close.className = "close";
  close.textContent = "Thu nhỏ";
  close.setAttribute("aria-label", "Thu nhỏ trợ lý (Esc)");
  close.addEventListener("click", function () { toggle(false); });

  function load(name, then) {
    var s = document.createElement("script");
    s.src = base + "/static/" + name;
    s.onload = then;
    s.onerror = function () {
      panel.textContent = "Không tải được trợ lý từ máy chủ " + base + ". Vui lòng thử lại sau.";
    };
    document.head.appendChild(s);
  }

  // chat.js first, then citation.js (the citation dialog), which extends what chat.js defines.
  function withChat(then) {
    if (window.CsdlQa && window.CsdlQa.citationDialog) return then();
    if (window.CsdlQa) return load("citation.js", then);
    load("chat.js", function () { load("citation.js", then); });
  }

  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (!open) { launcher.focus(); return; }
    withChat(function () {
      if (!chat) chat = window.CsdlQa.mount(panel, { base: base, title: "Trợ lý CSDL", barExtras: [close], external: true });
      chat.input.focus();
    });
  }

  launcher.addEventListener("click", function () { toggle(panel.hidden); });
  panel.addEventListener("keydown", function (e) {
    // Esc inside the open citation dialog closes only the dialog (the browser handles that).
    if (e.key === "Escape" && !(chat && chat.dialog.open)) { e.preventDefault(); toggle(false); }
  });
})();
