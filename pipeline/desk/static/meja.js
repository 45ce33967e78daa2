// The operator's live preview: the Markdown is rendered by the desk itself (POST /tampilan), never elsewhere.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf"]');
  document.querySelectorAll("textarea[data-tampilan]").forEach(function (editor) {
    var target = document.getElementById(editor.getAttribute("data-tampilan"));
    var timer = null;
    editor.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams({ isi: editor.value, csrf: token ? token.content : "" });
        fetch("/tampilan", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) { target.innerHTML = html; })
          .catch(function () { target.textContent = "Tampilan tidak dapat diperbarui; simpan draf untuk melihatnya."; });
      }, 400);
    });
  });
})();
