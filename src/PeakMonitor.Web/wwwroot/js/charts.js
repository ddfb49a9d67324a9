// Draws every chart the server rendered: <div data-chart="ID"> with its ECharts option in
// <script type="application/json" id="ID-option">. The option is built and tested on the server;
// this module only draws it (SVG, so it scales and prints crisply).
(function () {
  function draw() {
    if (typeof echarts === 'undefined') {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        el.textContent = 'Chart library missing (run scripts/setup.sh) · 图表库缺失';
      });
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var source = document.getElementById(el.getAttribute('data-chart') + '-option');
      if (!source) { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(source.textContent));
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
