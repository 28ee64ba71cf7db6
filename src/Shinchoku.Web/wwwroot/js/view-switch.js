// Chart/table switch of a KPI page. Without this script both the chart and the table are shown.
(function () {
  document.querySelectorAll('[data-view-switch]').forEach(function (bar) {
    var buttons = Array.prototype.slice.call(bar.querySelectorAll('button[data-show]'));
    function show(id) {
      buttons.forEach(function (b) {
        var on = b.getAttribute('data-show') === id;
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        var target = document.getElementById(b.getAttribute('data-show'));
        if (target) { target.hidden = !on; }
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () { show(b.getAttribute('data-show')); });
    });
    bar.hidden = false;
    show(buttons[0].getAttribute('data-show'));
  });
})();
