// Draws every chart the server rendered: <div data-chart="ID"> with its ECharts option in
// <script type="application/json" id="ID-option">. The option is built and tested on the server;
// this module only draws it (SVG, so it scales and prints crisply). It runs on the first load, after
// every enhanced navigation or streamed update of blazor.web.js, and resizes charts for the screen and
// for paper. A [data-print] button prints the page.
(function () {
  function drawAll() {
    if (typeof echarts === 'undefined') {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        el.textContent = '图表库缺失（运行 scripts/setup.sh）· Chart library missing (run scripts/setup.sh)';
      });
      return;
    }
    document.querySelectorAll('[data-chart]:not([data-drawn])').forEach(function (el) {
      var source = document.getElementById(el.getAttribute('data-chart') + '-option');
      if (!source) { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(source.textContent));
      el.setAttribute('data-drawn', 'true');
    });
    document.querySelectorAll('[data-png-for]:not([data-bound])').forEach(function (link) {
      link.setAttribute('data-bound', 'true');
      link.addEventListener('click', function (e) {
        e.preventDefault();
        var el = document.getElementById(link.getAttribute('data-png-for'));
        var chart = el && echarts.getInstanceByDom(el);
        if (!chart) { return; }
        var svg = chart.renderToSVGString();
        var image = new Image();
        image.onload = function () {
          var canvas = document.createElement('canvas');
          canvas.width = el.clientWidth * 2; canvas.height = el.clientHeight * 2;
          var ctx = canvas.getContext('2d');
          ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
          var a = document.createElement('a');
          a.download = 'peakmonitor-chart.png';
          a.href = canvas.toDataURL('image/png');
          a.click();
        };
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      });
    });
    document.querySelectorAll('[data-print]:not([data-bound])').forEach(function (button) {
      button.setAttribute('data-bound', 'true');
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function resizeAll() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart][data-drawn]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  }

  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  if (window.matchMedia) {
    window.matchMedia('print').addEventListener('change', resizeAll);
  }

  // blazor.web.js patches the page in place on navigation and when streamed sections arrive.
  document.addEventListener('DOMContentLoaded', function () {
    if (window.Blazor && window.Blazor.addEventListener) {
      window.Blazor.addEventListener('enhancedload', drawAll);
    }
  });
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; drawAll(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
