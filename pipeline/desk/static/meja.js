// The operator's live preview: the Markdown is rendered by the desk itself (POST /tampilan), never elsewhere.
(function () {
  "use strict";
  function showFindings(found) {
    var list = document.getElementById("temuan-langsung");
    if (!list) { return; }
    list.textContent = "";
    (found.length ? found : ["Tidak ada temuan pada teks ini."]).forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
  }
  var token = document.querySelector('meta[name="csrf"]');
  document.querySelectorAll("textarea[data-tampilan]").forEach(function (editor) {
    var target = document.getElementById(editor.getAttribute("data-tampilan"));
    var timer = null;
    editor.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var page = document.getElementById("halaman");
        var body = new URLSearchParams({ isi: editor.value, halaman: page ? page.value : "",
                                         csrf: token ? token.content : "" });
        fetch("/tampilan", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(function (answer) {
            target.innerHTML = answer.html;  // rendered by the desk with raw HTML escaped
            showFindings(answer.temuan);
          })
          .catch(function () { target.textContent = "Tampilan tidak dapat diperbarui; simpan draf untuk melihatnya."; });
      }, 400);
    });
  });
})();
